using Ducha.Cases.Confidentiality;
using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

/// <summary>One person held accountable, as recorded; <paramref name="FaultToleranceReason"/> is kept when 容错 exempts them.</summary>
public sealed record PersonHeldAccountable(string Name, string Position, CadreRank Rank, Sanction Sanction, bool FaultTolerated, string? FaultToleranceReason);

/// <summary>问责: an office or the supervisory organ records who was held accountable on a case, and how.</summary>
public sealed class RecordAccountability(CaseJournal journal, VisibleCases cases, CaseViews views, ReporterProtector reporters,
    ILogger<RecordAccountability> logger)
{
    public const string Operation = "RecordAccountability";

    public async Task<CaseView> HandleAsync(string caseId, IReadOnlyList<PersonHeldAccountable> people, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Discipline);
        var (@case, _) = await cases.LoadAsync(journal, caseId, actor, Operation, cancellationToken);
        var now = journal.Now;
        var first = await journal.NextNumberAsync<AccountabilityRecord>(@case.Id, cancellationToken);
        var records = people.Select((p, i) => new AccountabilityRecord
        {
            CaseId = @case.Id, Number = first + i, PersonName = p.Name, Position = p.Position, Rank = p.Rank, Sanction = p.Sanction,
            FaultTolerated = p.FaultTolerated, FaultToleranceReason = p.FaultTolerated ? p.FaultToleranceReason : null,
            RecordedByJurisdictionCode = actor.JurisdictionCode, At = now,
        }).ToList();
        journal.Db.Accountability.AddRange(records);
        @case.Touch(now);
        await journal.RecordAsync(@case, "RecordAccountability", @case.Status, actor.AsHistoryActor(),
            $"{records.Count} accountable, {records.Count(r => r.FaultTolerated)} exempted (容错)", cancellationToken);
        journal.Publish(new AccountabilityRecorded(@case.Id, @case.JurisdictionCode, actor.JurisdictionCode,
            [.. records.Select(r => new AccountabilityOutcome(r.Rank.ToString(), r.Sanction.ToString(), r.FaultTolerated, Publishable(@case, r)))], now));
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }

    /// <summary>
    /// The 容错 reason as the event may carry it: assessment shows it beside the exempted deduction, outside the handling
    /// chain, so a reason that carries a value of the case's reporter (typed in by mistake) stays in the case file only.
    /// </summary>
    private string? Publishable(Case @case, AccountabilityRecord record)
    {
        if (record.FaultToleranceReason is not { } reason || @case.ReporterSealed is not { } sealedIdentity) return record.FaultToleranceReason;
        if (!reporters.Open(@case.Id, sealedIdentity).IsMentionedIn(reason)) return reason;
        logger.LogWarning("Case {CaseId}: the 容错 reason of accountability record {Number} carries a reporter value; the event goes without it", @case.Id, record.Number);
        return null;
    }
}
