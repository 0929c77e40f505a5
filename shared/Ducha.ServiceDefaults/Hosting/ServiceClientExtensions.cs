using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ServiceClientExtensions
{
    /// <summary>
    /// A gRPC client for another Ducha service, addressed by name (<c>http://cases</c>) and resolved through service
    /// discovery (<c>services__cases__http__0</c>), with the standard resilience pipeline. In the standalone host every
    /// name points back at the process itself, so the call still crosses the network stack.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string serviceName) where TClient : class =>
        services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://{serviceName}"));
}
