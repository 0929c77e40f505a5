using Ducha.Assessment.Data;
using Ducha.Assessment.Domain;

namespace Ducha.Assessment.Application;

/// <summary>An office issues a year's assessment plan for the levels below it.</summary>
public sealed class CreatePlan(JurisdictionRecords<AssessmentDbContext> records, TimeProvider time)
{
    public const string Operation = "CreatePlan";

    // No event yet: nobody downstream needs plans. One published on filing would commit with the plan.
    public Task<AssessmentPlan> HandleAsync(string jurisdictionCode, int year, string title, PlanKind kind, string? programme,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        return records.FileAsync(AssessmentPlan.Create(jurisdictionCode, year, title, kind, programme, idempotencyKey, time.GetStoredUtcNow()),
            actor, Operation, cancellationToken);
    }
}
