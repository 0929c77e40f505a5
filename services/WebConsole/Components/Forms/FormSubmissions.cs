using System.Collections.Concurrent;
using Ducha.WebConsole.Calls;
using Grpc.Core;

namespace Ducha.WebConsole.Components.Forms;

/// <summary>What a form post came to: the service's refusal, or where the page goes next.</summary>
public sealed record FormOutcome(ServiceRefusal? Refusal, string? Next);

/// <summary>
/// The outcome of each form post, by the key the form carried, for ten minutes: a double click's second post waits for
/// the first and gets its outcome, so nothing is done twice. Most calls behind the forms take no idempotency key, so the
/// console keeps this itself (in the process that served the form; a replica behind sticky sessions).
/// A refusal is remembered too, but a form shown again after one carries a new key.
/// </summary>
public sealed class FormSubmissions(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<FormOutcome>> Outcome)> _posts = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="submit"/> once per <paramref name="key"/>; null when the service accepted.</summary>
    public async Task<ServiceRefusal?> OnceAsync(string key, Func<Task> submit) =>
        (await OnceAsync(key, async () =>
        {
            await submit();
            return null;
        })).Refusal;

    /// <summary>
    /// Runs <paramref name="submit"/> once per <paramref name="key"/>: every post of the key gets the refusal, or what the
    /// accepted call answered (where to go next — a draft's page, say, which only the first post learnt).
    /// </summary>
    public async Task<FormOutcome> OnceAsync(string key, Func<Task<string?>> submit)
    {
        Forget(time.GetUtcNow() - Kept);
        var entry = _posts.GetOrAdd(key, _ => (time.GetUtcNow(), new Lazy<Task<FormOutcome>>(() => RunAsync(submit))));
        try
        {
            return await entry.Outcome.Value;
        }
        catch (RpcException)
        {
            // Unreachable or failing: nothing was decided, so the same form may try again.
            _posts.TryRemove(new KeyValuePair<string, (DateTimeOffset, Lazy<Task<FormOutcome>>)>(key, entry));
            throw;
        }
    }

    private static async Task<FormOutcome> RunAsync(Func<Task<string?>> submit)
    {
        try
        {
            return new FormOutcome(null, await submit());
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            return new FormOutcome(ServiceRefusal.From(ex), null);
        }
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, entry) in _posts)
            if (entry.At < before) _posts.TryRemove(key, out _);
    }
}
