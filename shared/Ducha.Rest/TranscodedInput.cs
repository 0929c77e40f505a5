using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Ducha.Rest;

/// <summary>Where a transcoded route's request message comes from: the body (all of it, one field, or none), the path, the query.</summary>
internal sealed class TranscodedInput
{
    private TranscodedInput(MessageDescriptor message, HttpRule rule)
    {
        Message = message;
        PathFields = new HashSet<string>(HttpRuleRoute.From(rule)?.PathVariables ?? [], StringComparer.Ordinal);
        if (rule.Body.Length == 0) return;

        HasBody = true;
        BodyPath = rule.Body;
        BodyField = rule.Body == "*" ? null : TranscodedRequest.FieldAt(message, rule.Body);
        var bodyType = BodyField is null ? message : BodyField.FieldType == FieldType.Message ? BodyField.MessageType : null;
        // google.api.HttpBody takes the raw bytes of any content type; there is no JSON to check.
        JsonBody = bodyType?.FullName != HttpBody.Descriptor.FullName && (rule.Body == "*" || BodyField is not null);
    }

    public MessageDescriptor Message { get; }

    /// <summary>The rule names a body; the transcoder then reads no query parameter into it, or none into that field.</summary>
    public bool HasBody { get; }

    /// <summary>The body is JSON for the transcoder to deserialize, so it is worth checking.</summary>
    public bool JsonBody { get; }

    /// <summary>The rule's body: "*", a proto field path, or empty.</summary>
    public string BodyPath { get; } = "";

    /// <summary>The one field the body fills (body: "field"); null for body: "*" or no body.</summary>
    public FieldDescriptor? BodyField { get; }

    /// <summary>Proto paths ("case_id") the route's path fills.</summary>
    public IReadOnlySet<string> PathFields { get; }

    public static TranscodedInput From(GrpcJsonTranscodingMetadata grpc) => new(grpc.MethodDescriptor.InputType, grpc.HttpRule);
}
