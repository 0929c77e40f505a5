using Ducha.ErrorMapping.MessageReading;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Ducha.Reference;
using Ducha.Rest;
using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Ducha service host serves besides its own operations: gRPC with its errors mapped and reflection, REST
/// (JSON transcoding with its input checked, the OpenAPI document), identity, and the reference data and API. One call
/// each per host, after <c>AddServiceDefaults</c> and <c>MapDefaultEndpoints</c>.
/// </summary>
public static class DuchaApiExtensions
{
    public static TBuilder AddDuchaApi<TBuilder>(this TBuilder builder, string serviceName) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDuchaGrpc().AddDuchaJsonTranscoding();
        // After AddGrpc: undecodable request messages answer InvalidArgument and are logged rolled up.
        builder.AddUnreadableMessageHandling();
        builder.Services.AddDuchaOpenApi(serviceName);
        builder.Services.AddReferenceData();
        builder.AddDuchaIdentity();
        return builder;
    }

    public static WebApplication MapDuchaApi(this WebApplication app)
    {
        // First of the app's own middleware, so it runs after routing and authorization and before any transcoded endpoint.
        app.UseDuchaTranscodedInputCheck();
        // The schema (reflection and OpenAPI) and the public reference data need no token; everything else does.
        app.MapDuchaGrpc();
        app.MapDuchaOpenApi();
        app.MapReferenceApi();
        app.MapDevelopmentTokenIssuer();
        app.MapCallerEndpoint();
        return app;
    }
}
