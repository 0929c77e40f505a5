using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace Ducha.Rest;

/// <summary>
/// google.protobuf types have special JSON forms in the proto3 mapping (a Timestamp is RFC 3339 text, not an object
/// with seconds and nanos), so they are described inline rather than from their descriptors.
/// </summary>
internal static class WellKnownTypeSchemas
{
    public static bool Covers(MessageDescriptor message) => message.File.Package == "google.protobuf";

    public static IOpenApiSchema For(MessageDescriptor message, bool int64AsString) => message.Name switch
    {
        "Timestamp" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "RFC 3339, e.g. 2024-09-27T02:00:00Z" },
        "Duration" => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^-?\d+(\.\d{1,9})?s$", Description = "seconds with an s suffix, e.g. \"1.5s\"" },
        "FieldMask" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated lowerCamel field paths" },
        "Empty" => new OpenApiSchema { Type = JsonSchemaType.Object },
        "Struct" => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() },
        "Value" => new OpenApiSchema(),
        "ListValue" => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema() },
        "Any" => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalProperties = new OpenApiSchema(),
            Properties = new Dictionary<string, IOpenApiSchema> { ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String } },
            Description = "A message of the type named by @type (type.googleapis.com/<full proto name>), its fields alongside",
        },
        "StringValue" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        "BytesValue" => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "byte" },
        "BoolValue" => new OpenApiSchema { Type = JsonSchemaType.Boolean | JsonSchemaType.Null },
        "Int32Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
        "UInt32Value" => new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int64", Minimum = "0" },
        "Int64Value" or "UInt64Value" => new OpenApiSchema
        {
            Type = (int64AsString ? JsonSchemaType.String : JsonSchemaType.Integer) | JsonSchemaType.Null,
            Format = "int64",
        },
        "DoubleValue" => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "double" },
        "FloatValue" => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "float" },
        _ => new OpenApiSchema(),
    };
}
