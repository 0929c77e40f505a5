using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ducha.WebConsole.Calls;

/// <summary>
/// Lists a jurisdiction's units as its office, with a short development token: how the sign-in page offers the units a
/// handler may sign in for before anyone is signed in. Refuses any other call.
/// </summary>
internal sealed class JurisdictionOfficeInterceptor(TokenIssuer issuer) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (request is not ListUnitsRequest list)
            throw new InvalidOperationException($"The sign-in page only lists units; {context.Method.FullName} is not for it.");
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + issuer.Issue(list.JurisdictionCode, "office", "console-signin", TimeSpan.FromMinutes(1)));
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
