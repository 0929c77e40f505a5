using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using BadRequest = Google.Rpc.BadRequest;
using RpcStatus = Google.Rpc.Status;

namespace Ducha.Rest;

/// <summary>
/// Adds the REST routes of the gRPC services mounted in this process to its OpenAPI document. The built-in document
/// sees only endpoints that ApiExplorer describes (minimal APIs, controllers); transcoded endpoints carry no such
/// description, and Microsoft.AspNetCore.Grpc.Swagger, which adds one, serves Swashbuckle only. So each operation
/// is built here from its google.api.http rule and the protobuf descriptors, which also makes the schemas match the
/// JSON the transcoder actually reads and writes.
/// </summary>
internal sealed class TranscodedRoutesDocumentTransformer(
    EndpointDataSource endpoints, IOptions<GrpcJsonTranscodingOptions> transcoding, ProtoComments comments) : IOpenApiDocumentTransformer
{
    private const string BearerScheme = "Bearer";

    /// <summary>The HTTP codes Ducha's gRPC codes become (the transcoder's mapping), for the error response.</summary>
    private const string ErrorDescription =
        "A google.rpc.Status. The HTTP status follows the gRPC code: InvalidArgument and FailedPrecondition 400, " +
        "PermissionDenied 403 (outside the caller's jurisdiction), NotFound 404, Aborted 409 (changed by another request at " +
        "the same moment: read again and retry), Internal 500. An InvalidArgument carries " +
        "a google.rpc.BadRequest in details whose fieldViolations name each offending field by its proto name.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = new ProtobufSchemas(document, transcoding.Value.JsonSettings.WriteInt64sAsStrings, comments);
        document.Paths ??= [];
        var anyRoute = false;
        var anyProtected = false;

        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } grpc) continue;
            if (HttpRuleRoute.From(grpc.HttpRule) is not { } route) continue;
            anyRoute = true;

            var operation = Operation(document, grpc.MethodDescriptor, ResponseSchema(grpc, schemas), schemas);
            TranscodedRequest.Describe(operation, grpc.MethodDescriptor.InputType, grpc.HttpRule, route, schemas);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                anyProtected = true;
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                // Answered by the authentication middleware before the call reaches the service: no body.
                operation.Responses!["401"] = new OpenApiResponse { Description = "No bearer token, or one that is expired or badly signed" };
            }

            if (!document.Paths.TryGetValue(route.Path, out var item))
                document.Paths[route.Path] = item = new OpenApiPathItem();
            var pathItem = (OpenApiPathItem)item;
            pathItem.Operations ??= [];
            pathItem.Operations[route.Verb] = operation;
        }

        // Error details hold Any, so nothing references BadRequest; added for clients that decode the details.
        if (anyRoute) schemas.ForMessage(BadRequest.Descriptor);
        if (anyProtected)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A Ducha token (jurisdiction, level, role); in Development, POST /dev/tokens issues one",
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>The output message, or the one field of it that response_body names.</summary>
    private static IOpenApiSchema ResponseSchema(GrpcJsonTranscodingMetadata grpc, ProtobufSchemas schemas) =>
        grpc.HttpRule.ResponseBody.Length > 0 && grpc.MethodDescriptor.OutputType.FindFieldByName(grpc.HttpRule.ResponseBody) is { } field
            ? schemas.ForField(field)
            : schemas.ForMessage(grpc.MethodDescriptor.OutputType);

    /// <summary>Tools show the summary as a one-line title; the whole comment goes into the description.</summary>
    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>One tag per gRPC service, so each service's routes are grouped together.</summary>
    private static OpenApiTagReference Tag(OpenApiDocument document, ServiceDescriptor service)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == service.Name))
            document.Tags.Add(new OpenApiTag { Name = service.Name, Description = $"gRPC service {service.FullName}" });
        return new OpenApiTagReference(service.Name, document);
    }

    private OpenApiOperation Operation(OpenApiDocument document, MethodDescriptor method, IOpenApiSchema response, ProtobufSchemas schemas)
    {
        var service = method.Service;
        var comment = comments.ForMethod(method);
        return new OpenApiOperation
        {
            OperationId = $"{service.Name}_{method.Name}",
            Summary = comment is null ? $"{service.Name}.{method.Name}" : FirstSentence(comment),
            // Names the gRPC method too, so REST and gRPC callers can tell they are talking about the same operation.
            Description = (comment is null ? "" : comment + "\n\n") + $"gRPC {service.FullName}/{method.Name}",
            Tags = new HashSet<OpenApiTagReference> { Tag(document, service) },
            Parameters = [],
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "OK",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = response } },
                },
                ["default"] = new OpenApiResponse
                {
                    Description = ErrorDescription,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schemas.ForMessage(RpcStatus.Descriptor) } },
                },
            },
        };
    }
}
