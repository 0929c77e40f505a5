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

/// <summary>
/// Someone else changed the entity between this request's read and its write; nothing of this request was stored.
/// Answered as gRPC Aborted (HTTP 409): read the entity again and retry.
/// </summary>
public sealed class ConcurrentChangeException(string entity, string id, Exception inner)
    : Exception($"{entity} '{id}' was changed by another request at the same moment; nothing was stored. Read it again and retry.", inner);
