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

    /// <summary>
    /// For work that runs outside any request (a background worker carrying out what a person ordered earlier): calls
    /// made in this async flow until the scope is disposed act on behalf of <paramref name="person"/>.
    /// </summary>
    public static IDisposable ActOnBehalfOf(Actor person)
    {
        var outer = Acting.Value;
        Acting.Value = person;
        return new Restore(outer);
    }

    internal static Actor? ActingPerson => Acting.Value;

    private static readonly AsyncLocal<Actor?> Acting = new();

    private sealed class Restore(Actor? outer) : IDisposable
    {
        public void Dispose() => Acting.Value = outer;
    }
}

/// <summary>
/// Adds the calling service's token to each outgoing call, for the person whose request is served or on whose behalf a
/// worker acts (<see cref="ServiceClients.ActOnBehalfOf"/>); a call made for no one is refused here.
/// </summary>
internal sealed class ServiceIdentityInterceptor(string service, TokenIssuer issuer, IHttpContextAccessor http) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var person = ServiceClients.ActingPerson ?? ClaimsActor.From(http.HttpContext?.User)
            ?? throw new PermissionDeniedException($"{service} calls {context.Method.FullName} on behalf of no one.");
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + issuer.IssueForService(service, person));
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
