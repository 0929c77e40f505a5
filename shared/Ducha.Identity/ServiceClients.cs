using Ducha.BuildingBlocks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Identity;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client for another Ducha service, addressed by name (<c>http://cases</c>) and resolved through service
    /// discovery (<c>services__cases__http__0</c>), with the standard resilience pipeline. Each call carries a token minted
    /// for <paramref name="callingService"/>, on behalf of the person whose request this process is serving, so the callee
    /// can tell the service from the person and still applies the person's reach.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string serviceName, string callingService) where TClient : class =>
        services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://{serviceName}"))
            .AddInterceptor(sp => new ServiceIdentityInterceptor(callingService, sp.GetRequiredService<TokenIssuer>(), sp.GetRequiredService<IHttpContextAccessor>()));
}

/// <summary>Adds the calling service's token to each outgoing call; a call made outside any person's request is refused here.</summary>
internal sealed class ServiceIdentityInterceptor(string service, TokenIssuer issuer, IHttpContextAccessor http) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var person = ClaimsActor.From(http.HttpContext?.User)
            ?? throw new PermissionDeniedException($"{service} calls {context.Method.FullName} on behalf of no one.");
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + issuer.IssueForService(service, person));
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
