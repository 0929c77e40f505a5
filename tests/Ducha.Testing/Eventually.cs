namespace Ducha.Testing;

/// <summary>Polls until a condition holds, for effects that arrive asynchronously (an event consumed, a span exported).</summary>
public static class Eventually
{
    /// <summary>
    /// Returns the first value for which <paramref name="done"/> holds, or the last one seen when time runs out, so the
    /// caller's assertion reports what was there. Generous by default: a loaded two-core CI machine is slow, and a
    /// passing probe returns at once.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(50);
        }
    }
}
