using Ducha.BuildingBlocks;
using System.Collections.Concurrent;
using Ducha.ErrorMapping;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ducha.Rest;

/// <summary>
/// Checks a REST call's JSON body and query string against the proto before the transcoder reads them. The transcoder
/// refuses what it cannot read with a 400 that names no field ("Request JSON payload is not correctly formatted."), and
/// drops unknown fields and parameters without a word; here both get the answer the service's own validation gives:
/// InvalidArgument with a BadRequest naming each field, and the service is not called. Other routes pass untouched.
/// </summary>
internal sealed class TranscodedInputCheck(RequestDelegate next, IOptions<GrpcJsonTranscodingOptions> transcoding)
{
    private readonly ConcurrentDictionary<GrpcJsonTranscodingMetadata, TranscodedInput> _inputs = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } grpc)
        {
            await next(context);
            return;
        }
        var input = _inputs.GetOrAdd(grpc, TranscodedInput.From);
        var request = context.Request;
        if (!input.JsonBody && !request.QueryString.HasValue)
        {
            await next(context);
            return;
        }

        var types = transcoding.Value.TypeRegistry;
        var violations = new InputViolations();
        if (input.JsonBody) await JsonBodyCheck.CheckAsync(request, input, new ProtoJsonCheck(types, violations), violations);
        if (request.QueryString.HasValue) QueryStringCheck.Check(request.Query, input, violations);
        if (!violations.Any)
        {
            await next(context);
            return;
        }

        var status = InvalidArgumentStatus.From(new RequestValidationException(violations.Items));
        await StatusJson.WriteAsync(context.Response, StatusCodes.Status400BadRequest, status, types);
    }
}
