using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;

namespace Ducha.Rest;

/// <summary>
/// OpenAPI schemas for protobuf messages and enums as the transcoder writes them in JSON: lowerCamel field names,
/// enum values by name, int64 per the transcoding settings. Each message and enum becomes one component named by its
/// full proto name (two packages may both define CadreRank), built once per document and referenced everywhere else.
/// </summary>
internal sealed class ProtobufSchemas(OpenApiDocument document, bool int64AsString, ProtoComments comments)
{
    private readonly HashSet<string> _components = [];

    public IOpenApiSchema ForMessage(MessageDescriptor message)
    {
        if (WellKnownTypeSchemas.Covers(message)) return WellKnownTypeSchemas.For(message, int64AsString);
        var name = message.FullName;
        // Registered before its fields are built, so a message that contains itself ends in a reference, not a loop.
        if (_components.Add(name))
        {
            var schema = Object(message.Fields.InFieldNumberOrder(), comments.ForMessage(message));
            document.AddComponent<IOpenApiSchema>(name, schema);
        }
        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>An inline object of some of a message's fields, for a request body that lacks those the path carries.</summary>
    public OpenApiSchema Object(IEnumerable<FieldDescriptor> fields, string? description)
    {
        var properties = new Dictionary<string, IOpenApiSchema>();
        foreach (var field in fields) properties[field.JsonName] = ForField(field);
        return new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Description = description };
    }

    public IOpenApiSchema ForField(FieldDescriptor field)
    {
        IOpenApiSchema schema;
        if (field.IsMap)
            schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = ForValue(field.MessageType.FindFieldByNumber(2)) };
        else if (field.IsRepeated)
            schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = ForValue(field) };
        else
            schema = ForValue(field);

        if (comments.ForField(field) is { } text)
        {
            // A reference's own description (OpenAPI 3.1) describes this use, not the shared component.
            if (schema is OpenApiSchema inline) inline.Description = inline.Description is null ? text : $"{text} ({inline.Description})";
            else if (schema is OpenApiSchemaReference reference) reference.Description = text;
        }
        return schema;
    }

    /// <summary>One value of the field: the element type for repeated fields.</summary>
    private IOpenApiSchema ForValue(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
        FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "float" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        FieldType.UInt32 or FieldType.Fixed32 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => int64AsString
            ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "int64" }
            : new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldType.String => new OpenApiSchema { Type = JsonSchemaType.String },
        FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
        FieldType.Enum => ForEnum(field.EnumType),
        FieldType.Message or FieldType.Group => ForMessage(field.MessageType),
        _ => new OpenApiSchema(),
    };

    private OpenApiSchemaReference ForEnum(EnumDescriptor e)
    {
        var name = e.FullName;
        if (_components.Add(name))
        {
            var described = comments.ForEnum(e) is { } text ? text + " " : "";
            document.AddComponent<IOpenApiSchema>(name, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = e.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)).ToList(),
                Description = described + "Written as the value's name; the number is accepted on input too.",
            });
        }
        return new OpenApiSchemaReference(name, document);
    }
}
