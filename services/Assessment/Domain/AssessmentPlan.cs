namespace Ducha.Assessment.Domain;

/// <summary>
/// A year's assessment plan (考核方案) issued by one level for those below it; its jurisdiction is the assessing level,
/// not the assessed ones. Later issues add targets and scoring.
/// </summary>
public sealed class AssessmentPlan : JurisdictionRecord
{
    public int Year { get; init; }
    public required string Title { get; init; }
    public PlanKind Kind { get; init; }
    /// <summary>The programme a special assessment covers; a comprehensive one may leave it empty.</summary>
    public string? Programme { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static AssessmentPlan Create(string jurisdictionCode, int year, string title, PlanKind kind, string? programme,
        string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            JurisdictionCode = jurisdictionCode,
            Year = year,
            Title = title.Trim(),
            Kind = kind,
            Programme = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim(),
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
}

/// <summary>Values match ducha.assessment.v1.PlanKind.</summary>
public enum PlanKind
{
    /// <summary>专项考核: one plan per programme.</summary>
    Special = 1,
    /// <summary>综合考核.</summary>
    Comprehensive = 2,
}
