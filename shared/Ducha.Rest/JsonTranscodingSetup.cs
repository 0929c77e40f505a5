using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Rest;

/// <summary>
/// REST for every gRPC operation with a google.api.http route: the same service methods, interceptors (errors,
/// validation) and authorization, reached with JSON over HTTP/1.1.
/// </summary>
public static class JsonTranscodingSetup
{
    public static IGrpcServerBuilder AddDuchaJsonTranscoding(this IGrpcServerBuilder grpc) => grpc.AddJsonTranscoding(o =>
    {
        // An error's google.rpc.Status reaches a REST caller as JSON only if the types in its details can be resolved
        // to write "@type" and their fields; without this, details[] comes out empty.
        o.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor);
        // The proto3 JSON mapping: int64 as a string, since JavaScript numbers lose precision past 2^53.
        o.JsonSettings.WriteInt64sAsStrings = true;
    });

    /// <summary>
    /// Names the field in a REST call's 400 when the transcoder itself cannot read the input (see
    /// <see cref="TranscodedInputCheck"/>). WebApplication runs authentication and authorization before the app's own
    /// middleware, so a caller without a token still gets 401, not a critique of its JSON.
    /// </summary>
    public static IApplicationBuilder UseDuchaTranscodedInputCheck(this IApplicationBuilder app) => app.UseMiddleware<TranscodedInputCheck>();
}
