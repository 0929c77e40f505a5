namespace Ducha.Cases.Domain;

/// <summary>
/// 办: what the handler found and did. What cannot be fixed now carries a rectification plan with target, measures,
/// deadline and responsible unit (明确整改的目标、措施、时限和责任单位).
/// </summary>
public sealed class HandlingReport : ICaseRecord
{
    public required string CaseId { get; init; }
    public int Number { get; init; }
    public int Round { get; init; }
    public required string JurisdictionCode { get; init; }
    public string? Unit { get; init; }
    public required string Findings { get; init; }
    public required string Result { get; init; }
    public bool RectifiedNow { get; init; }
    public string? PlanTarget { get; init; }
    public string? PlanMeasures { get; init; }
    public DateOnly? PlanDeadline { get; init; }
    public string? PlanResponsibleUnit { get; init; }
    public bool TouchesLivelihood { get; init; }
    public List<PlanPhase> PlanPhases { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The stored report; a plan is kept only when the report needs one.</summary>
    public static HandlingReport From(ReportDraft draft, string caseId, int number, int round, CaseParty reporter, DateTimeOffset at) => new()
    {
        CaseId = caseId, Number = number, Round = round, JurisdictionCode = reporter.JurisdictionCode, Unit = reporter.Unit,
        Findings = draft.Findings, Result = draft.Result, RectifiedNow = draft.RectifiedNow, TouchesLivelihood = draft.TouchesLivelihood,
        PlanTarget = draft.HasPlan ? draft.PlanTarget : null, PlanMeasures = draft.HasPlan ? draft.PlanMeasures : null,
        PlanDeadline = draft.HasPlan ? draft.PlanDeadline : null, PlanResponsibleUnit = draft.HasPlan ? draft.PlanResponsibleUnit : null,
        PlanPhases = draft.HasPlan ? [.. draft.PlanPhases] : [],
        SubmittedAt = at,
    };
}

/// <summary>One dated step of a phased plan (分类施策、有序推进).</summary>
public sealed record PlanPhase(string Description, DateOnly Deadline);

/// <summary>Values match ducha.cases.v1.MeasureKind.</summary>
public enum MeasureKind { Stop = 1, Shutdown = 2, Rectify = 3, Fine = 4, Other = 5 }

/// <summary>Values match ducha.cases.v1.MeasureScope.</summary>
public enum MeasureScope { Site = 1, Industry = 2, Area = 3 }

/// <summary>
/// A measure taken on a case. A stop or shutdown carries the date it must be checked on; "长停久治、久治不验" — a stop
/// never checked after that date — raises an alert.
/// </summary>
public sealed class CaseMeasure : ICaseRecord
{
    public required string CaseId { get; init; }
    public int Number { get; init; }
    public int ReportNumber { get; init; }
    public MeasureKind Kind { get; init; }
    public MeasureScope Scope { get; init; }
    public required string Description { get; init; }
    public string? Investigation { get; init; }
    public DateOnly? VerificationDate { get; init; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerificationFinding { get; private set; }
    public DateTimeOffset? AlertRaisedAt { get; private set; }

    public bool IsStop => Kind is MeasureKind.Stop or MeasureKind.Shutdown;

    public static CaseMeasure From(MeasureDraft draft, string caseId, int number, int reportNumber) => new()
    {
        CaseId = caseId, Number = number, ReportNumber = reportNumber, Kind = draft.Kind, Scope = draft.Scope,
        Description = draft.Description, Investigation = draft.Investigation, VerificationDate = draft.VerificationDate,
    };

    /// <summary>
    /// The on-site check of a stop or shutdown order, once. Other measures are not checked on site.
    /// </summary>
    public void Verify(string finding, DateTimeOffset at)
    {
        if (!IsStop)
            throw new DomainRuleException($"Measure {Number} is a {Kind} measure; only stop and shutdown orders are verified on site.", "measure_number");
        if (VerifiedAt is not null)
            throw new DomainRuleException($"Measure {Number} was already verified on {VerifiedAt:yyyy-MM-dd}.", "measure_number");
        VerifiedAt = at;
        VerificationFinding = finding;
    }

    public void RaiseAlert(DateTimeOffset at) => AlertRaisedAt = at;
}
