namespace Ducha.ServiceDefaults.Errors;

/// <summary>One field of a request that is missing or wrong, named as in the .proto (snake_case).</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: answered as gRPC InvalidArgument / HTTP 400 naming every offending field; nothing is stored.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>The entity asked for does not exist (or is not visible to the caller).</summary>
public sealed class EntityNotFoundException(string entity, string id) : Exception($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
    public string Id { get; } = id;
}

/// <summary>A well-formed request that a domain rule refuses in the entity's current state.</summary>
public sealed class DomainRuleException(string reason) : Exception(reason);
