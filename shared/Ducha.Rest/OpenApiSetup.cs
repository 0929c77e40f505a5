using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Rest;

/// <summary>GET /openapi/v1.json: the REST routes of every gRPC service this process mounts, plus its minimal APIs.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddDuchaOpenApi(this IServiceCollection services, string serviceName)
    {
        services.AddSingleton<ProtoComments>();
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"Ducha {serviceName}";
                document.Info.Description =
                    "REST routes of the gRPC services in this process (gRPC JSON transcoding). Bodies use the proto3 JSON " +
                    "mapping: lowerCamel field names (proto names are accepted too), enum values by name, timestamps as " +
                    "RFC 3339, int64 as strings. Errors are google.rpc.Status objects.";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer<TranscodedRoutesDocumentTransformer>();
        });
        return services;
    }

    /// <summary>Anonymous: the fallback policy would otherwise ask for a token to read the description of the API.</summary>
    public static IEndpointRouteBuilder MapDuchaOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        return endpoints;
    }
}
