using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace Ducha.Rest;

/// <summary>
/// Where a transcoded call's request message comes from, as OpenAPI parameters and body: path variables first, then
/// the body (all of the message, one field of it, or nothing), and every field left over from the query string.
/// </summary>
internal static class TranscodedRequest
{
    /// <summary>Past this depth nested messages are not offered as query parameters; real requests are far shallower.</summary>
    private const int MaxQueryDepth = 4;

    public static void Describe(OpenApiOperation operation, MessageDescriptor input, HttpRule rule, HttpRuleRoute route, ProtobufSchemas schemas)
    {
        operation.Parameters ??= [];
        foreach (var variable in route.PathVariables)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = variable,
                In = ParameterLocation.Path,
                Required = true,
                Schema = FieldAt(input, variable) is { } field ? schemas.ForField(field) : new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var bound = new HashSet<string>(route.PathVariables, StringComparer.Ordinal);
        if (rule.Body == "*")
        {
            // The transcoder overwrites path-bound fields with the path's values, so the body schema leaves them out
            // rather than invite a second, ignored copy.
            var fromPath = input.Fields.InFieldNumberOrder().Where(f => bound.Contains(f.Name)).ToList();
            var schema = fromPath.Count == 0
                ? schemas.ForMessage(input)
                : schemas.Object(input.Fields.InFieldNumberOrder().Except(fromPath),
                    $"{input.FullName} without {string.Join(", ", fromPath.Select(f => f.Name))}, which the path carries");
            operation.RequestBody = JsonBody(schema);
            return;
        }
        if (rule.Body.Length > 0 && input.FindFieldByName(rule.Body) is { } bodyField)
        {
            operation.RequestBody = JsonBody(schemas.ForField(bodyField));
            bound.Add(bodyField.Name);
        }
        foreach (var (name, field) in QueryFields(input, jsonPrefix: "", protoPrefix: "", bound, depth: 0))
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = schemas.ForField(field) });
    }

    /// <summary>The field a dotted proto path ("book.id") names, or null if the message has no such field.</summary>
    public static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            field = message?.FindFieldByName(part);
            if (field is null) return null;
            message = field.FieldType == FieldType.Message ? field.MessageType : null!;
        }
        return field;
    }

    /// <summary>
    /// Query parameters by lowerCamel path (the transcoder also accepts proto names). Singular nested messages are
    /// spelled out field by field ("coordinates.latitude"); repeated messages and maps cannot be given in a query.
    /// </summary>
    private static IEnumerable<(string Name, FieldDescriptor Field)> QueryFields(MessageDescriptor message, string jsonPrefix, string protoPrefix,
        HashSet<string> bound, int depth)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var protoPath = protoPrefix + field.Name;
            if (bound.Contains(protoPath) || field.IsMap) continue;
            var jsonPath = jsonPrefix + field.JsonName;
            if (field.FieldType != FieldType.Message)
            {
                yield return (jsonPath, field);
            }
            else if (!field.IsRepeated && WellKnownTypeSchemas.Covers(field.MessageType))
            {
                yield return (jsonPath, field);
            }
            else if (!field.IsRepeated && depth < MaxQueryDepth)
            {
                foreach (var nested in QueryFields(field.MessageType, jsonPath + ".", protoPath + ".", bound, depth + 1))
                    yield return nested;
            }
        }
    }

    private static OpenApiRequestBody JsonBody(IOpenApiSchema schema) => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };
}
