using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>
/// 双重管理，以办公室为主: the office the cadre serves (its organization department or office) and the home unit (the home
/// jurisdiction's organization department or office, or the unit's own staff) each grade the cadre once a year, with
/// the remarks behind the grade. A grade once recorded stands: it is part of the level's history. Each grade sends the cadre's line of the separate list
/// (单列) to Assessment, in the same commit.
/// </summary>
public sealed class RecordEvaluation(SecondmentDbContext db, SecondmentReach reach, ISecondmentHistory history, EventOutbox<SecondmentDbContext> outbox,
    TimeProvider time, ILogger<RecordEvaluation> logger)
{
    public const string Operation = "RecordEvaluation";

    public async Task<CadreEvaluation> HandleAsync(string id, int year, Evaluator evaluator, Grade grade, string remarks, Actor actor,
        CancellationToken cancellationToken)
    {
        var term = await reach.FindTermAsync(id, tracked: false, cancellationToken);
        actor.Require(Operation, Role.Organization, Role.Office, Role.Handler);
        var allowed = evaluator == Evaluator.Office
            ? actor.IsAnyOf(Role.Organization, Role.Office) && actor.JurisdictionCode == term.JurisdictionCode
            : actor.JurisdictionCode == term.HomeJurisdictionCode
              && (actor.IsAnyOf(Role.Organization, Role.Office) || (actor.Is(Role.Handler) && actor.Unit == term.HomeUnit));
        if (!allowed)
        {
            logger.LogWarning("Denied {Operation} as {Evaluator} on secondment {Id} to {Caller}", Operation, evaluator, id, actor.ToString());
            throw new PermissionDeniedException(evaluator == Evaluator.Office
                ? $"{Operation}: the office's grade is recorded by the organization department or office of {term.JurisdictionCode}."
                : $"{Operation}: the home unit's grade is recorded by {term.HomeUnit} or the organization department or office of {term.HomeJurisdictionCode}.");
        }
        var evaluation = CadreEvaluation.Record(term, year, evaluator, grade, remarks, actor.Subject, time.GetStoredUtcNow());
        var earlier = await db.Evaluations.AsNoTracking().Where(e => e.SecondmentId == id && e.Year == year).ToListAsync(cancellationToken);
        if (earlier.Any(e => e.Evaluator == evaluator))
            throw new DomainRuleException($"secondment {id} already has the {(evaluator == Evaluator.Office ? "office's" : "home unit's")} grade for {year}", "evaluator");
        db.Evaluations.Add(evaluation);
        outbox.Add(SeparateListLine.Event(new AnnualAssessment(term, [.. earlier, evaluation]), year, evaluation.RecordedAt));
        await history.AppendAsync(term.JurisdictionCode, "evaluation.recorded", term.Id,
            new { evaluation.Id, evaluation.SecondmentId, evaluation.Year, Evaluator = evaluator.ToString(), Grade = grade.ToString(), evaluation.Remarks },
            actor, cancellationToken);
        await SecondmentSaving.SaveAsync(db, id, cancellationToken);
        return evaluation;
    }
}
