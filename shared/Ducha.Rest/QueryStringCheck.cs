using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ducha.Rest;

/// <summary>
/// Checks a transcoded call's query string the way the transcoder binds it: each parameter a field path (JSON or proto
/// names, dotted into singular messages), a repeated field by repeating the parameter, values converted with the
/// invariant culture. A parameter it would ignore (unknown, or not read on this route) or fail on is named here.
/// </summary>
internal static class QueryStringCheck
{
    public static void Check(IQueryCollection query, TranscodedInput input, InputViolations violations)
    {
        foreach (var (name, values) in query)
        {
            if (violations.IsFull) return;
            if (name.Length == 0)
                violations.Add("query", "has a parameter without a name");
            else if (input.HasBody && input.BodyField is null)
                violations.Add(name, "is not read: this route takes the whole request from the JSON body");
            else if (Resolve(input.Message, name, violations) is { } fields)
                Parameter(input, fields, values, violations);
        }
    }

    /// <summary>The fields a dotted name runs through, or null (and a violation) when it names none.</summary>
    private static List<FieldDescriptor>? Resolve(MessageDescriptor input, string name, InputViolations violations)
    {
        var fields = new List<FieldDescriptor>();
        MessageDescriptor? message = input;
        foreach (var part in name.Split('.'))
        {
            if (message is null)
            {
                violations.Add(name, $"is not a field: {Path(fields)} has no fields");
                return null;
            }
            if (ProtoJsonCheck.FieldNamed(message, part) is not { } field)
            {
                violations.Add(name, FieldExpectation.UnknownField(message, part));
                return null;
            }
            fields.Add(field);
            message = field.FieldType == FieldType.Message ? field.MessageType : null;
        }
        return fields;
    }

    private static void Parameter(TranscodedInput input, List<FieldDescriptor> fields, StringValues values, InputViolations violations)
    {
        var path = Path(fields);
        var field = fields[^1];
        if (input.BodyField is not null && (path == input.BodyPath || path.StartsWith(input.BodyPath + ".", StringComparison.Ordinal)))
            violations.Add(path, "is read from the JSON body, not the query string");
        else if (input.PathFields.Contains(path))
            violations.Add(path, "is taken from the route's path, not the query string");
        else if (fields.Take(fields.Count - 1).Any(f => f.IsRepeated))
            violations.Add(path, "is inside a list or map, which a query string cannot reach");
        else if (!TakesText(field))
            violations.Add(path, NoText(field, path));
        else if (!field.IsRepeated && values.Count > 1)
            violations.Add(path, $"is given {values.Count} times, but takes one value");
        else if (values.Any(v => !TextReads(field, v ?? "")))
            violations.Add(path, FieldExpectation.Of(field));
    }

    /// <summary>Scalars, enums and the well-known types with a text form; never maps or other messages.</summary>
    private static bool TakesText(FieldDescriptor field) =>
        !field.IsMap && (field.FieldType != FieldType.Message || ProtoJsonForms.Of(field.MessageType)
            is ProtoJsonForm.Wrapper or ProtoJsonForm.Timestamp or ProtoJsonForm.Duration or ProtoJsonForm.FieldMask);

    /// <summary>Why a message or map cannot be a parameter, pointing at the parameters that reach its fields where there are some.</summary>
    private static string NoText(FieldDescriptor field, string path) =>
        field is { IsRepeated: false, FieldType: FieldType.Message } && ProtoJsonForms.Of(field.MessageType) == ProtoJsonForm.Object
            && field.MessageType.Fields.InFieldNumberOrder() is [var first, ..]
            ? $"is a message: give its fields as parameters, e.g. {path}.{first.Name}"
            : "cannot be given in a query string";

    /// <summary>The transcoder's conversions (Convert.ToXxx with the invariant culture, enum by name or defined number).</summary>
    private static bool TextReads(FieldDescriptor field, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        return field.FieldType switch
        {
            FieldType.Double => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
            FieldType.Float => float.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.Integer, invariant, out _),
            FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.Integer, invariant, out _),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.Integer, invariant, out _),
            FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.Integer, invariant, out _),
            FieldType.Bool => bool.TryParse(text, out _),
            FieldType.String => true,
            FieldType.Bytes => Convert.TryFromBase64String(text, new byte[text.Length], out _),
            FieldType.Enum => int.TryParse(text, NumberStyles.Integer, invariant, out var number)
                ? field.EnumType.FindValueByNumber(number) is not null
                : field.EnumType.FindValueByName(text) is not null,
            _ => ProtoJsonForms.Of(field.MessageType) switch
            {
                ProtoJsonForm.Wrapper => TextReads(ProtoJsonForms.WrappedField(field.MessageType), text),
                ProtoJsonForm.Timestamp or ProtoJsonForm.Duration => ProtoJsonForms.ReadsAsTime(field.MessageType, JsonSerializer.Serialize(text)),
                _ => true,
            },
        };
    }

    private static string Path(List<FieldDescriptor> fields) => string.Join('.', fields.Select(f => f.Name));
}
