using Ducha.Reference.Calendar;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>
/// 轮岗: the level names who takes the post when the term ends. The successor must be free the day after the end — not
/// seconded anywhere on that day — unless that secondment is to this very post and starts that day: the succession itself.
/// </summary>
public sealed class PlanRotation(SecondmentDbContext db, SecondmentReach reach, ISecondmentHistory history, TimeProvider time)
{
    public const string Operation = "PlanRotation";

    public async Task<SecondmentTerm> HandleAsync(string id, string successorCadreId, Actor actor, CancellationToken cancellationToken)
    {
        var term = await reach.FindTermAsync(id, tracked: true, cancellationToken);
        reach.EnsureActsFor(actor, term.JurisdictionCode, Operation);
        var successor = await reach.FindCadreAsync(successorCadreId, "successor_cadre_id", cancellationToken);
        if (!reach.IsWithin(successor.JurisdictionCode, term.JurisdictionCode))
            throw new DomainRuleException($"cadre {successor.Id} belongs to {successor.JurisdictionCode}, which is not {term.JurisdictionCode} or below it",
                "successor_cadre_id");
        term.PlanSuccessor(successor.Id, BeijingTime.DateOf(time.GetUtcNow()));
        var dayAfter = term.EndDate.AddDays(1);
        if (await reach.OverlappingAsync(successor.Id, dayAfter, dayAfter, null, cancellationToken) is { } other
            && !IsSuccession(term, other, dayAfter))
            throw new DomainRuleException($"cadre {successor.Id} is seconded by secondment {other.Id} ({other.PostName}, " +
                $"{other.StartDate:yyyy-MM-dd}..{other.LastDay:yyyy-MM-dd}) on {dayAfter:yyyy-MM-dd}, the day the post passes on", "successor_cadre_id");
        await history.AppendAsync(term.JurisdictionCode, "secondment.rotation-planned", term.Id, new { term.Id, term.CadreId, SuccessorCadreId = successor.Id },
            actor, cancellationToken);
        await SecondmentSaving.SaveAsync(db, term.Id, cancellationToken);
        return term;
    }

    /// <summary>The successor's own term to this post, starting the day the post passes on.</summary>
    private static bool IsSuccession(SecondmentTerm term, SecondmentTerm other, DateOnly dayAfter) =>
        other.JurisdictionCode == term.JurisdictionCode && other.Post == term.Post && other.PostName == term.PostName && other.StartDate == dayAfter;
}
