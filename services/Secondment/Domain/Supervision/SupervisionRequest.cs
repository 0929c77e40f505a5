using Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Domain.Supervision;

/// <summary>
/// 监察申请: 综合巡查组 or 信访督办组 asks 督办监察组 to act on a case handled slowly, late or poorly. It is tracked from
/// filing to the outcome 督办监察组 records, against a deadline of working days counted from the filing.
/// </summary>
public sealed class SupervisionRequest : JurisdictionRecord
{
    public required string CaseId { get; init; }
    public GroupKind FromGroup { get; init; }
    public SupervisionReason Reason { get; init; }
    public required string Details { get; init; }
    /// <summary>The last day (Beijing) by which 督办监察组 should have acted.</summary>
    public DateOnly Deadline { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string RequestedBy { get; init; }
    public SupervisionState State { get; private set; } = SupervisionState.Open;
    public string? Outcome { get; private set; }
    public bool AccountabilityCarriedOut { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    /// <summary>The groups that file requests; 督办监察组 acts on them and files none.</summary>
    public static readonly GroupKind[] Requesters = [GroupKind.ComprehensivePatrol, GroupKind.PetitionSupervision];

    public static SupervisionRequest File(string jurisdictionCode, string caseId, GroupKind fromGroup, SupervisionReason reason, string details,
        DateOnly deadline, string? idempotencyKey, Actor actor, DateTimeOffset now)
    {
        if (!Requesters.Contains(fromGroup))
            throw new RequestValidationException("from_group", "must be GROUP_KIND_COMPREHENSIVE_PATROL or GROUP_KIND_PETITION_SUPERVISION: 督办监察组 takes requests from these two groups");
        return new()
        {
            JurisdictionCode = jurisdictionCode,
            CaseId = caseId,
            FromGroup = fromGroup,
            Reason = reason,
            Details = details.Trim(),
            Deadline = deadline,
            RequestedAt = now,
            RequestedBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    public void Resolve(string outcome, bool accountabilityCarriedOut, Actor actor, DateTimeOffset now)
    {
        if (State == SupervisionState.Resolved)
            throw new DomainRuleException($"Supervision request {Id} was already resolved on {ResolvedAt:yyyy-MM-dd}; its outcome stands.");
        State = SupervisionState.Resolved;
        Outcome = outcome.Trim();
        AccountabilityCarriedOut = accountabilityCarriedOut;
        ResolvedAt = now;
        ResolvedBy = actor.Subject;
    }

    /// <summary>Past its deadline: still open after it, or resolved only after it.</summary>
    public bool IsOverdue(DateOnly today) => (ResolvedAt is { } resolved ? Ducha.Reference.Calendar.BeijingTime.DateOf(resolved) : today) > Deadline;

    /// <summary>Who files: members of the inspection's working groups and the level's office.</summary>
    public static void EnsureFiler(Actor actor, string operation) => actor.Require(operation, Role.InspectionTeam, Role.Office);
}

/// <summary>Values match ducha.secondment.v1.SupervisionReason.</summary>
public enum SupervisionReason
{
    /// <summary>办理迟缓.</summary>
    Slow = 1,
    /// <summary>逾期未办结.</summary>
    Overdue = 2,
    /// <summary>处置不力.</summary>
    Poor = 3,
}

/// <summary>Values match ducha.secondment.v1.SupervisionState.</summary>
public enum SupervisionState
{
    Open = 1,
    Resolved = 2,
}
