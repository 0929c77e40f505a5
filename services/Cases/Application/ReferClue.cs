using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

/// <summary>An office hands a problem clue (问题线索) to the supervisory organ of its own level.</summary>
public sealed class ReferClue(CaseJournal journal, VisibleCases cases, CaseViews views)
{
    public const string Operation = "ReferClue";

    public async Task<CaseView> HandleAsync(string caseId, string summary, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var (@case, _) = await cases.LoadAsync(journal, caseId, actor, Operation, cancellationToken);
        var number = await journal.NextNumberAsync<ClueReferral>(@case.Id, cancellationToken);
        await journal.PreloadAsync(@case, cancellationToken);
        Refer(journal, @case, number, summary, actor);
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }

    /// <summary>Files the clue with the organ of the actor's level, its history link and event; the case's last link must be known to the journal.</summary>
    internal static void Refer(CaseJournal journal, Case @case, int number, string summary, Actor actor)
    {
        var now = journal.Now;
        journal.Db.ClueReferrals.Add(new ClueReferral
        {
            CaseId = @case.Id, Number = number, Summary = summary, SupervisoryOrganJurisdictionCode = actor.JurisdictionCode, At = now,
        });
        @case.Touch(now);
        journal.Record(@case, "ReferClue", @case.Status, actor.AsHistoryActor(), $"problem clue to the supervisory organ of {actor.JurisdictionCode}");
        journal.Publish(new ClueReferred(@case.Id, @case.JurisdictionCode, actor.JurisdictionCode, summary, now));
    }
}
