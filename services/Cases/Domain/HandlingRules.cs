namespace Ducha.Cases.Domain;

/// <summary>A measure as the handler proposes it, before it is numbered and stored.</summary>
public sealed record MeasureDraft(MeasureKind Kind, MeasureScope Scope, string Description, string? Investigation, DateOnly? VerificationDate);

/// <summary>A handling report as submitted.</summary>
public sealed record ReportDraft(string Findings, string Result, bool RectifiedNow, string? PlanTarget, string? PlanMeasures,
    DateOnly? PlanDeadline, string? PlanResponsibleUnit, IReadOnlyList<MeasureDraft> Measures,
    bool TouchesLivelihood = false, IReadOnlyList<PlanPhase>? Phases = null)
{
    public IReadOnlyList<PlanPhase> PlanPhases => Phases ?? [];

    /// <summary>Whether the report carries a plan: not fixed now, or a livelihood case whose plan must be phased anyway.</summary>
    public bool HasPlan => !RectifiedNow || NeedsPhases;

    /// <summary>分类施策、有序推进: a livelihood problem not fixed at once, or "fixed" by a stop order, goes in phases.</summary>
    public bool NeedsPhases => TouchesLivelihood && (!RectifiedNow || Measures.Any(m => m.Kind is MeasureKind.Stop or MeasureKind.Shutdown));
}

/// <summary>
/// What a handling report must hold (办): what is not fixed now needs the full plan (明确整改的目标、措施、时限和责任单位);
/// stops carry a verification date (no 久治不验); stopping a whole industry or area without investigation (一刀切) is
/// refused; a problem touching livelihoods goes in dated phases (分类施策、有序推进).
/// </summary>
public static class HandlingRules
{
    /// <summary>Checks the report's content; each broken rule is named with its field, and nothing is stored.</summary>
    public static void Check(ReportDraft report, DateOnly today)
    {
        if (report.HasPlan)
        {
            var missing = new List<FieldViolation>();
            if (string.IsNullOrWhiteSpace(report.PlanTarget)) missing.Add(new("plan.target", Required(report)));
            if (string.IsNullOrWhiteSpace(report.PlanMeasures)) missing.Add(new("plan.measures", Required(report)));
            if (report.PlanDeadline is null) missing.Add(new("plan.deadline", Required(report)));
            if (string.IsNullOrWhiteSpace(report.PlanResponsibleUnit)) missing.Add(new("plan.responsible_unit", Required(report)));
            if (missing.Count > 0)
                throw new DomainRuleException(
                    (report.RectifiedNow ? "A livelihood case stopped now" : "Rectification is not done now") + ", so the report needs a plan with target, measures, deadline and responsible unit (明确整改的目标、措施、时限和责任单位); missing: "
                    + string.Join(", ", missing.Select(m => m.Field)) + ".", [.. missing.Select(m => m.Field)]);
            if (report.PlanDeadline < today)
                throw new RequestValidationException([new FieldViolation("plan.deadline", "must not be before today")]);
        }
        if (report.NeedsPhases) CheckPhases(report);
        for (var i = 0; i < report.Measures.Count; i++)
        {
            var measure = report.Measures[i];
            var isStop = measure.Kind is MeasureKind.Stop or MeasureKind.Shutdown;
            if (isStop && measure.Scope is MeasureScope.Industry or MeasureScope.Area && string.IsNullOrWhiteSpace(measure.Investigation))
                throw new DomainRuleException(
                    $"Blanket measure refused (一刀切): measures[{i}] stops a whole {measure.Scope.ToString().ToLowerInvariant()} without investigation; " +
                    "investigate site by site and stop only what the findings justify.", $"measures[{i}].investigation");
            if (isStop && measure.VerificationDate is null)
                throw new DomainRuleException($"measures[{i}] is a {measure.Kind.ToString().ToLowerInvariant()} order and needs a verification date (久治不验 is not allowed).",
                    $"measures[{i}].verification_date");
            if (isStop && measure.VerificationDate < today)
                throw new RequestValidationException([new FieldViolation($"measures[{i}].verification_date", "must not be before today")]);
        }
    }

    private static string Required(ReportDraft report) =>
        report.RectifiedNow ? "is required for a livelihood case with a stop order" : "is required when rectification is not done now";

    private static void CheckPhases(ReportDraft report)
    {
        var phases = report.PlanPhases;
        if (phases.Count < 2)
            throw new DomainRuleException(
                "The problem touches livelihoods: the plan must go in at least two dated phases (分类施策、有序推进), not all at once.", "plan.phases");
        for (var i = 1; i < phases.Count; i++)
            if (phases[i].Deadline < phases[i - 1].Deadline)
                throw new RequestValidationException([new FieldViolation($"plan.phases[{i}].deadline", "must not be before the phase before it")]);
        if (phases[^1].Deadline > report.PlanDeadline)
            throw new RequestValidationException([new FieldViolation($"plan.phases[{phases.Count - 1}].deadline", "must not be after the plan's deadline")]);
    }
}
