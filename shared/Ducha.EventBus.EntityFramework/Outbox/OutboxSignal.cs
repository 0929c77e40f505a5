namespace Ducha.EventBus.EntityFramework.Outbox;

/// <summary>Wakes the relay of one database as soon as new events are saved, instead of waiting for the next poll.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "A container-lifetime singleton; a SemaphoreSlim whose wait handle is never used holds nothing to release.")]
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // Every save with events notifies, and most find the relay already signalled: asked first, so that is not an
        // exception each time (one per complaint filed under load, in a profile).
        if (_signal.CurrentCount > 0) return;
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* signalled meanwhile */ }
    }

    /// <summary>True when woken by a save, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
