using System.Collections.Concurrent;
using Ducha.WebConsole.Calls;
using Grpc.Core;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The outcome of each action form post, by the key the form carried, for ten minutes: a double click's second post
/// waits for the first and gets its outcome, so nothing is done twice. The lifecycle calls take no idempotency key, so
/// the console keeps this itself (in the process that served the form; a replica behind sticky sessions).
/// A refusal is remembered too, but a form shown again after one carries a new key.
/// </summary>
public sealed class FormSubmissions(TimeProvider time)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Lazy<Task<ServiceRefusal?>> Outcome)> _posts = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="submit"/> once per <paramref name="key"/>; null when the service accepted.</summary>
    public async Task<ServiceRefusal?> OnceAsync(string key, Func<Task> submit)
    {
        Forget(time.GetUtcNow() - Kept);
        var entry = _posts.GetOrAdd(key, _ => (time.GetUtcNow(), new Lazy<Task<ServiceRefusal?>>(() => RunAsync(submit))));
        try
        {
            return await entry.Outcome.Value;
        }
        catch (RpcException)
        {
            // Unreachable or failing: nothing was decided, so the same form may try again.
            _posts.TryRemove(new KeyValuePair<string, (DateTimeOffset, Lazy<Task<ServiceRefusal?>>)>(key, entry));
            throw;
        }
    }

    private static async Task<ServiceRefusal?> RunAsync(Func<Task> submit)
    {
        try
        {
            await submit();
            return null;
        }
        catch (RpcException ex) when (ServiceRefusal.IsRefusal(ex))
        {
            return ServiceRefusal.From(ex);
        }
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, entry) in _posts)
            if (entry.At < before) _posts.TryRemove(key, out _);
    }
}
