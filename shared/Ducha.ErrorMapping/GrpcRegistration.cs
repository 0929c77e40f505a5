using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.ErrorMapping;

/// <summary>gRPC as every Ducha service serves it: refusals answered as status codes (<see cref="ErrorInterceptor"/>), and reflection.</summary>
public static class GrpcRegistration
{
    public static IGrpcServerBuilder AddDuchaGrpc(this IServiceCollection services)
    {
        services.AddGrpcReflection();
        return services.AddGrpc(o => o.Interceptors.Add<ErrorInterceptor>());
    }

    /// <summary>Reflection, anonymous: the schema is public, like the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapDuchaGrpc(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcReflectionService().AllowAnonymous();
        return endpoints;
    }
}
