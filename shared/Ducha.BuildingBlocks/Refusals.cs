namespace Ducha.BuildingBlocks;

/// <summary>One input that is missing or wrong, named as the operation's input names it (snake_case, as in the .proto).</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: answered as gRPC InvalidArgument / HTTP 400 naming every offending field; nothing is stored.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public RequestValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }
}

/// <summary>The entity asked for does not exist (or is not visible to the caller).</summary>
public sealed class EntityNotFoundException(string entity, string id) : Exception($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;
    public string Id { get; } = id;
}

/// <summary>
/// A well-formed request that a rule refuses in the entity's current state (FailedPrecondition). When the refusal is
/// about one input (a squeezed <c>working_days</c>, a missing <c>plan.target</c>), <see cref="Fields"/> names it so a
/// form can mark it.
/// </summary>
public sealed class DomainRuleException(string reason, params IReadOnlyList<string> fields) : Exception(reason)
{
    public IReadOnlyList<string> Fields { get; } = fields;
}

/// <summary>The caller may not do this: wrong role, outside their jurisdiction, or not the one the case is with (PermissionDenied).</summary>
public sealed class PermissionDeniedException(string message) : Exception(message);

/// <summary>
/// Someone else changed the entity between this request's read and its write; nothing of this request was stored.
/// Answered as gRPC Aborted (HTTP 409): read the entity again and retry.
/// </summary>
public sealed class ConcurrentChangeException(string entity, string id, Exception inner)
    : Exception($"{entity} '{id}' was changed by another request at the same moment; nothing was stored. Read it again and retry.", inner);
