using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Ducha.Rest;

/// <summary>How a message is spelled in proto3 JSON: as an object of its fields, or in a well-known type's own form.</summary>
internal enum ProtoJsonForm
{
    Object,
    Wrapper,
    Timestamp,
    Duration,
    FieldMask,
    Struct,
    ListValue,
    Value,
    Any,
}

internal static class ProtoJsonForms
{
    public static ProtoJsonForm Of(MessageDescriptor message)
    {
        if (message.File.Package != "google.protobuf") return ProtoJsonForm.Object;
        if (message.File.Name == "google/protobuf/wrappers.proto") return ProtoJsonForm.Wrapper;
        return message.FullName switch
        {
            "google.protobuf.Timestamp" => ProtoJsonForm.Timestamp,
            "google.protobuf.Duration" => ProtoJsonForm.Duration,
            "google.protobuf.FieldMask" => ProtoJsonForm.FieldMask,
            "google.protobuf.Struct" => ProtoJsonForm.Struct,
            "google.protobuf.ListValue" => ProtoJsonForm.ListValue,
            "google.protobuf.Value" => ProtoJsonForm.Value,
            "google.protobuf.Any" => ProtoJsonForm.Any,
            _ => ProtoJsonForm.Object,
        };
    }

    /// <summary>
    /// Whether <paramref name="jsonString"/> (a JSON string literal) reads as a Timestamp or Duration. Google.Protobuf's
    /// parser is the one the transcoder's own copy was taken from, so both accept the same texts.
    /// </summary>
    public static bool ReadsAsTime(MessageDescriptor message, string jsonString)
    {
        try
        {
            JsonParser.Default.Parse(jsonString, message);
            return true;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The wrapped field of a wrapper type (its "value"), which is what its JSON spells.</summary>
    public static FieldDescriptor WrappedField(MessageDescriptor wrapper) => wrapper.FindFieldByNumber(Int32Value.ValueFieldNumber);
}
