using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace Ducha.Rest;

/// <summary>
/// Checks parsed JSON against a message descriptor the way the transcoder will read it (proto3 JSON mapping as
/// Microsoft.AspNetCore.Grpc.JsonTranscoding implements it): what passes here deserializes there, and what would fail
/// there, or be silently dropped (an unknown field), is named here by its proto path ("attachments[1].size_bytes").
/// </summary>
internal sealed class ProtoJsonCheck(TypeRegistry types, InputViolations violations)
{
    /// <summary>What the root of a body must be is named "body"; everything inside it by its field path.</summary>
    public const string BodyName = "body";

    /// <summary>A body that is one field of the request (google.api.http body: "field"), named by that field.</summary>
    public void BodyField(JsonElement json, FieldDescriptor field)
    {
        if (json.ValueKind == JsonValueKind.Null) violations.Add(BodyName, FieldExpectation.NotNull);
        else Field(json, field, field.Name);
    }

    public void Message(JsonElement json, MessageDescriptor message, string path)
    {
        switch (ProtoJsonForms.Of(message))
        {
            case ProtoJsonForm.Object:
                Fields(json, message, path);
                break;
            case ProtoJsonForm.Wrapper:
                Scalar(json, ProtoJsonForms.WrappedField(message), path);
                break;
            case ProtoJsonForm.Timestamp or ProtoJsonForm.Duration:
                Require(json.ValueKind == JsonValueKind.String && ProtoJsonForms.ReadsAsTime(message, json.GetRawText()), path, message);
                break;
            case ProtoJsonForm.FieldMask:
                Require(json.ValueKind == JsonValueKind.String, path, message);
                break;
            case ProtoJsonForm.Struct:
                Require(json.ValueKind == JsonValueKind.Object, path, message);
                break;
            case ProtoJsonForm.ListValue:
                Require(json.ValueKind == JsonValueKind.Array, path, message);
                break;
            case ProtoJsonForm.Any:
                Any(json, message, path);
                break;
        }
    }

    private void Fields(JsonElement json, MessageDescriptor message, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            Require(false, path, message);
            return;
        }
        Dictionary<OneofDescriptor, string>? oneofs = null;
        foreach (var property in json.EnumerateObject())
        {
            if (violations.IsFull) return;
            if (FieldNamed(message, property.Name) is not { } field)
            {
                violations.Add(Join(path, property.Name), FieldExpectation.UnknownField(message, property.Name));
                continue;
            }
            var fieldPath = Join(path, field.Name);
            if (field.RealContainingOneof is { } oneof)
            {
                oneofs ??= [];
                if (oneofs.TryGetValue(oneof, out var first))
                    violations.Add(fieldPath, $"shares oneof {oneof.Name} with {first}; give only one of them");
                else
                    oneofs[oneof] = field.Name;
            }
            Field(property.Value, field, fieldPath);
        }
    }

    /// <summary>Looks a name up as the transcoder does: the JSON name first, then the proto name, case-sensitive.</summary>
    internal static FieldDescriptor? FieldNamed(MessageDescriptor message, string name)
    {
        FieldDescriptor? byProtoName = null;
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            if (field.JsonName == name) return field;
            if (field.Name == name) byProtoName ??= field;
        }
        return byProtoName;
    }

    private void Field(JsonElement json, FieldDescriptor field, string path)
    {
        if (field.IsMap)
        {
            Map(json, field, path);
        }
        else if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                violations.Add(path, FieldExpectation.Array);
                return;
            }
            var i = 0;
            foreach (var item in json.EnumerateArray())
                Element(item, field, $"{path}[{i++}]");
        }
        else if (json.ValueKind != JsonValueKind.Null)
        {
            // null leaves a singular field at its default, for every type.
            Value(json, field, path);
        }
    }

    private void Map(JsonElement json, FieldDescriptor field, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            violations.Add(path, FieldExpectation.Map);
            return;
        }
        var key = field.MessageType.FindFieldByNumber(1);
        var value = field.MessageType.FindFieldByNumber(2);
        foreach (var entry in json.EnumerateObject())
        {
            var entryPath = $"{path}[{entry.Name}]";
            if (!MapKeyReads(key, entry.Name)) violations.Add(entryPath, "is a key, which " + FieldExpectation.Of(key));
            Element(entry.Value, value, entryPath);
        }
    }

    /// <summary>One element of a list or one value of a map: never null, except where null is itself a value.</summary>
    private void Element(JsonElement json, FieldDescriptor field, string path)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            var nullable = field.FieldType == FieldType.Message
                ? ProtoJsonForms.Of(field.MessageType) == ProtoJsonForm.Value
                : field.FieldType == FieldType.Enum && field.EnumType.FullName == "google.protobuf.NullValue";
            if (!nullable) violations.Add(path, FieldExpectation.NotNull);
            return;
        }
        Value(json, field, path);
    }

    private void Value(JsonElement json, FieldDescriptor field, string path)
    {
        if (field.FieldType == FieldType.Message) Message(json, field.MessageType, path);
        else Scalar(json, field, path);
    }

    private void Scalar(JsonElement json, FieldDescriptor field, string path)
    {
        if (json.ValueKind == JsonValueKind.Null || ScalarReads(json, field)) return;
        if (field.FieldType == FieldType.String && json.ValueKind == JsonValueKind.String)
        {
            violations.Add(path, "must be valid UTF-8 text");
            return;
        }
        // "3" for an int32 or "true" for a bool look right to a caller until told the quotes are the problem.
        var quoted = json.ValueKind == JsonValueKind.String && field.FieldType is FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32
            or FieldType.UInt32 or FieldType.Fixed32 or FieldType.Double or FieldType.Float or FieldType.Bool;
        violations.Add(path, FieldExpectation.Of(field) + (quoted ? ", not a string" : ""));
    }

    /// <summary>
    /// The transcoder's readers: numbers for 32-bit integers and floating point (plus "NaN" and "Infinity"), strings or
    /// numbers for 64-bit integers, enum names or numbers, base64 strings for bytes.
    /// </summary>
    private static bool ScalarReads(JsonElement json, FieldDescriptor field) => (field.FieldType, json.ValueKind) switch
    {
        (FieldType.Double, JsonValueKind.Number) => json.TryGetDouble(out _),
        (FieldType.Float, JsonValueKind.Number) => json.TryGetSingle(out _),
        (FieldType.Double or FieldType.Float, JsonValueKind.String) => json.GetString() is "NaN" or "Infinity" or "-Infinity",
        (FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32, JsonValueKind.Number) => json.TryGetInt32(out _),
        (FieldType.UInt32 or FieldType.Fixed32, JsonValueKind.Number) => json.TryGetUInt32(out _),
        (FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64, JsonValueKind.Number) => json.TryGetInt64(out _),
        (FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64, JsonValueKind.String) =>
            long.TryParse(json.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        (FieldType.UInt64 or FieldType.Fixed64, JsonValueKind.Number) => json.TryGetUInt64(out _),
        (FieldType.UInt64 or FieldType.Fixed64, JsonValueKind.String) =>
            ulong.TryParse(json.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        (FieldType.Bool, JsonValueKind.True or JsonValueKind.False) => true,
        (FieldType.String, JsonValueKind.String) => IsText(json),
        (FieldType.Bytes, JsonValueKind.String) => json.TryGetBytesFromBase64(out _),
        (FieldType.Enum, JsonValueKind.String) => field.EnumType.FindValueByName(json.GetString()) is not null,
        (FieldType.Enum, JsonValueKind.Number) => json.TryGetInt32(out _),
        _ => false,
    };

    /// <summary>
    /// The JSON parser checks structure, not the bytes inside strings; the transcoder decodes them and refuses a body
    /// with bytes that are not UTF-8, so they are decoded here too.
    /// </summary>
    private static bool IsText(JsonElement json)
    {
        try
        {
            json.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Map keys are JSON property names, so always text; the key type decides which texts it reads.</summary>
    private static bool MapKeyReads(FieldDescriptor key, string text) => key.FieldType switch
    {
        FieldType.String => true,
        FieldType.Bool => text is "true" or "false",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    /// <summary>An Any is an object naming its type in "@type", with that type's fields beside it (or in "value", for a well-known type).</summary>
    private void Any(JsonElement json, MessageDescriptor any, string path)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("@type", out var url) || url.ValueKind != JsonValueKind.String
            || types.Find(Google.Protobuf.WellKnownTypes.Any.GetTypeName(url.GetString()!)) is not { } packed)
        {
            Require(false, path, any);
            return;
        }
        // The transcoder reads every google.protobuf type from "value", even those spelt as plain objects (Empty).
        if (packed.File.Package == "google.protobuf")
        {
            if (json.TryGetProperty("value", out var value)) Message(value, packed, Join(path, "value"));
            else violations.Add(Join(path, "value"), "is required for an Any holding " + packed.FullName);
            return;
        }
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name == "@type") continue;
            if (FieldNamed(packed, property.Name) is { } field) Field(property.Value, field, Join(path, field.Name));
            else violations.Add(Join(path, property.Name), FieldExpectation.UnknownField(packed, property.Name));
        }
    }

    private void Require(bool condition, string path, MessageDescriptor message)
    {
        if (!condition) violations.Add(path.Length == 0 ? BodyName : path, FieldExpectation.Of(message));
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
