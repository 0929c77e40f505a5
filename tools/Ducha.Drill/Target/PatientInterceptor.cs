using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ducha.Drill.Target;

/// <summary>
/// What a careful client of a province's system does. A call refused with <c>Aborted</c> (another request changed the same
/// record at the same moment, and nothing was written) is sent again. When processes are being killed under the drill
/// (<paramref name="outages"/> given), a call that failed because its process, the broker or the database went away is
/// sent again, unchanged, until it is answered or <see cref="Patience"/> runs out; a resent call then refused as being in
/// the wrong state may have been carried out by an attempt whose answer was lost, so that refusal is raised as
/// <see cref="AmbiguousOutcomeException"/> for the caller to read back what happened.
/// </summary>
internal sealed class PatientInterceptor(DrillOutages? outages) : Interceptor
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        new(SendAsync(request, context, continuation), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private async Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) where TRequest : class where TResponse : class
    {
        var giveUp = DateTime.UtcNow + Patience;
        var delay = TimeSpan.FromMilliseconds(100);
        var (conflicts, resent) = (0, false);
        while (true)
        {
            try
            {
                using var call = continuation(request, context);
                return await call.ResponseAsync;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && ++conflicts <= 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * conflicts), context.Options.CancellationToken);
            }
            catch (RpcException e) when (outages is not null && IsOutage(e, context.Options.CancellationToken) && DateTime.UtcNow < giveUp)
            {
                outages.Retried(context.Method.Name);
                resent = true;
                await Task.Delay(delay, context.Options.CancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
            catch (RpcException e) when (resent && e.StatusCode is StatusCode.FailedPrecondition or StatusCode.AlreadyExists)
            {
                throw new AmbiguousOutcomeException(context.Method.Name, e);
            }
        }
    }

    /// <summary>The process, its database or its broker was not there: nothing the request itself got wrong.</summary>
    private static bool IsOutage(RpcException e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded
            or StatusCode.ResourceExhausted;
}

/// <summary>A retried call refused for the state it found: an earlier attempt, whose answer was lost, may have done it.</summary>
public sealed class AmbiguousOutcomeException(string method, RpcException refusal)
    : RpcException(refusal.Status, refusal.Trailers, $"{method} retried after an outage and refused: {refusal.Status.Detail}")
{
    public string Method { get; } = method;
}

/// <summary>How many calls the drill had to send again because a process was down.</summary>
public sealed class DrillOutages
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _retries = new(StringComparer.Ordinal);

    public void Retried(string method) => _retries.AddOrUpdate(method, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Retries => _retries;
}
