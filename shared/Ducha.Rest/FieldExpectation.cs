using Ducha.ErrorMapping;
using Google.Protobuf.Reflection;

namespace Ducha.Rest;

/// <summary>What a field takes, worded as a violation's description, for the JSON body and the query string alike.</summary>
internal static class FieldExpectation
{
    /// <summary>What one value of the field must be (one element, for a repeated field).</summary>
    public static string Of(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double or FieldType.Float => "must be a number",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => "must be a 32-bit integer",
        FieldType.UInt32 or FieldType.Fixed32 => "must be a 32-bit unsigned integer",
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => "must be a 64-bit integer",
        FieldType.UInt64 or FieldType.Fixed64 => "must be a 64-bit unsigned integer",
        FieldType.Bool => "must be true or false",
        FieldType.String => "must be a string",
        FieldType.Bytes => "must be base64-encoded bytes",
        FieldType.Enum => RequestValidator.OneOf(field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name)),
        _ => Of(field.MessageType),
    };

    public static string Of(MessageDescriptor message) => ProtoJsonForms.Of(message) switch
    {
        ProtoJsonForm.Wrapper => Of(ProtoJsonForms.WrappedField(message)),
        ProtoJsonForm.Timestamp => "must be an RFC 3339 timestamp, e.g. 2024-09-27T02:00:00Z",
        ProtoJsonForm.Duration => "must be a duration in seconds with an s suffix, e.g. 1.5s",
        ProtoJsonForm.FieldMask => "must be a string of comma-separated field paths",
        ProtoJsonForm.ListValue => "must be a JSON array",
        ProtoJsonForm.Value => "may be any JSON value",
        ProtoJsonForm.Any => "must be a JSON object with an @type naming a type this service knows",
        _ => "must be a JSON object",
    };

    public const string Array = "must be a JSON array";
    public const string Map = "must be a JSON object";
    public const string NotNull = "must not be null";

    public static string UnknownField(MessageDescriptor message, string name) =>
        NearestFieldName.Of(message, name) is { } near
            ? $"is not a field of {message.FullName} (did you mean {near}?)"
            : $"is not a field of {message.FullName}";
}
