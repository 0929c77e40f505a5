using Ducha.BuildingBlocks;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ducha.Identity;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client for another Ducha service, addressed by name (<c>http://cases</c>) and resolved through service
    /// discovery (<c>services__cases__http__0</c>), with the standard resilience pipeline. Each call carries a token minted
    /// for <paramref name="callingService"/>, on behalf of the person whose request this process is serving, so the callee
    /// can tell the service from the person and still applies the person's reach.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string serviceName, string callingService) where TClient : class
    {
        // A caller without a key to sign with would fail every call; better to refuse to start and say which setting is missing.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceCallerKeyCheck>());
        return services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://{serviceName}"))
            .AddInterceptor(sp => new ServiceIdentityInterceptor(callingService, sp.GetRequiredService<TokenIssuer>(), sp.GetRequiredService<IHttpContextAccessor>()));
    }

    /// <summary>
    /// For work that runs outside any request (a background worker carrying out what a person ordered earlier): calls
    /// made in this async flow until the scope is disposed act on behalf of <paramref name="person"/>.
    /// </summary>
    public static IDisposable ActOnBehalfOf(Actor person) => Act(new Acting(person, null));

    /// <summary>
    /// For a service's own work that no person ordered (keeping a read model current): calls made in this async flow until
    /// the scope is disposed carry the calling service's own token (<see cref="TokenIssuer.IssueForServiceItself"/>),
    /// reaching <paramref name="jurisdictionCode"/>'s subtree and acting for no one. Callees let such a call into the
    /// operations that name the service only.
    /// </summary>
    public static IDisposable ActForItself(string jurisdictionCode) => Act(new Acting(null, jurisdictionCode));

    internal static Acting? Current => Flow.Value;

    private static Restore Act(Acting acting)
    {
        var outer = Flow.Value;
        Flow.Value = acting;
        return new Restore(outer);
    }

    private static readonly AsyncLocal<Acting?> Flow = new();

    /// <summary>Whom calls in this flow act for: a person, or the service itself within a jurisdiction.</summary>
    internal sealed record Acting(Actor? Person, string? ItselfWithin);

    private sealed class Restore(Acting? outer) : IDisposable
    {
        public void Dispose() => Flow.Value = outer;
    }
}

/// <summary>
/// Adds the calling service's token to each outgoing call, for the person whose request is served or on whose behalf a
/// worker acts (<see cref="ServiceClients.ActOnBehalfOf"/>), or for the service itself (<see cref="ServiceClients.ActForItself"/>);
/// a call made for no one is refused here.
/// </summary>
internal sealed class ServiceIdentityInterceptor(string service, TokenIssuer issuer, IHttpContextAccessor http) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        headers.Add("Authorization", "Bearer " + Token(context.Method.FullName));
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }

    private string Token(string method)
    {
        if (ServiceClients.Current is { ItselfWithin: { } jurisdiction }) return issuer.IssueForServiceItself(service, jurisdiction);
        var person = ServiceClients.Current?.Person ?? ClaimsActor.From(http.HttpContext?.User)
            ?? throw new PermissionDeniedException($"{service} calls {method} on behalf of no one.");
        return issuer.IssueForService(service, person);
    }
}

/// <summary>Stops a service that calls others from starting without a key to sign those calls with.</summary>
internal sealed class ServiceCallerKeyCheck(TokenIssuer issuer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => issuer.CanIssue ? Task.CompletedTask
        : throw new InvalidOperationException("This service calls other Ducha services and has no key to sign those calls with: set Identity__ServiceSigningKey "
            + "(an ECDSA P-256 private key in PEM) and give its public half to the services it calls as Identity__ServiceKeys__<this service>.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
