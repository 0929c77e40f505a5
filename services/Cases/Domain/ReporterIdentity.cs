namespace Ducha.Cases.Domain;

/// <summary>The reporter's identity: name and contact, stored sealed and known only to the handling chain.</summary>
public sealed record ReporterIdentity(string Name, string Phone, string Address);
