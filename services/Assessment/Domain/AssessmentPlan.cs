using Ducha.BuildingBlocks;

namespace Ducha.Assessment.Domain;

/// <summary>A year's assessment plan (考核方案) issued by one level for those below it. Later issues add targets and scoring.</summary>
public sealed class AssessmentPlan : IJurisdictionRecord
{
    public required string Id { get; init; }
    /// <summary>The assessing level, not the assessed ones.</summary>
    public required string JurisdictionCode { get; init; }
    public int Year { get; init; }
    public required string Title { get; init; }
    public PlanKind Kind { get; init; }
    /// <summary>The programme a special assessment covers; a comprehensive one may leave it empty.</summary>
    public string? Programme { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? IdempotencyKey { get; init; }

    public static AssessmentPlan Create(string jurisdictionCode, int year, string title, PlanKind kind, string? programme,
        string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7().ToString(),
            JurisdictionCode = jurisdictionCode,
            Year = year,
            Title = title.Trim(),
            Kind = kind,
            Programme = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim(),
            CreatedAt = now,
            IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
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
