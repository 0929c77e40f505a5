using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ducha.Drill.Target;

/// <summary>Adds the person's token to each unary call, fetching it (once, cached by the target) before the first.</summary>
internal sealed class BearerInterceptor(Func<Task<string>> token) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = SendAsync(request, context, continuation);
        return new AsyncUnaryCall<TResponse>(
            call.ContinueWith(t => t.Result.ResponseAsync, TaskScheduler.Default).Unwrap(),
            call.ContinueWith(t => t.Result.ResponseHeadersAsync, TaskScheduler.Default).Unwrap(),
            () => call.Result.GetStatus(), () => call.Result.GetTrailers(), () => { if (call.IsCompletedSuccessfully) call.Result.Dispose(); });
    }

    private async Task<AsyncUnaryCall<TResponse>> SendAsync<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) where TRequest : class where TResponse : class
    {
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + await token());
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
