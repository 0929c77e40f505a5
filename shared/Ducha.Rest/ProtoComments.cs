using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;
using Google.Protobuf.Reflection;

namespace Ducha.Rest;

/// <summary>
/// The .proto comments, for the OpenAPI descriptions. Runtime descriptors carry no comments, but protoc copies each
/// one into a /// summary of the generated C#, so they are read back from the XML documentation file next to the
/// contracts assembly (GenerateDocumentationFile in Ducha.Contracts). No file, no descriptions; nothing fails.
/// </summary>
internal sealed class ProtoComments
{
    private readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> _byAssembly = new();

    public string? ForMessage(MessageDescriptor message) => ForType(message.ClrType);

    public string? ForEnum(EnumDescriptor e) => ForType(e.ClrType);

    public string? ForField(FieldDescriptor field) => field.ContainingType.ClrType is { } message
        ? Lookup(message.Assembly, $"P:{XmlName(message)}.{field.PropertyName}")
        : null;

    public string? ForMethod(MethodDescriptor method)
    {
        // Any top-level message of the service's own .proto tells the C# namespace and assembly it was generated into.
        if (method.File.MessageTypes.Select(m => m.ClrType).FirstOrDefault(t => t is not null) is not { } sibling) return null;
        // Documented on the generated server base: <namespace>.<Service>.<Service>Base.<Method>(request, context).
        var prefix = $"M:{sibling.Namespace}.{method.Service.Name}.{method.Service.Name}Base.{method.Name}(";
        return Members(sibling.Assembly).FirstOrDefault(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
    }

    private string? ForType(Type? type) => type is null ? null : Lookup(type.Assembly, "T:" + XmlName(type));

    private static string XmlName(Type type) => type.FullName!.Replace('+', '.');

    private string? Lookup(Assembly assembly, string member) => Members(assembly).GetValueOrDefault(member);

    private IReadOnlyDictionary<string, string> Members(Assembly assembly) => _byAssembly.GetOrAdd(assembly, Load);

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        // Location is empty for single-file deployments; they simply go without descriptions.
        if (string.IsNullOrEmpty(assembly.Location)) return members;
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file)) return members;
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var summary = member.Element("summary")?.Value;
            if (member.Attribute("name")?.Value is { } name && !string.IsNullOrWhiteSpace(summary))
                members[name] = string.Join(" ", summary.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        return members;
    }
}
