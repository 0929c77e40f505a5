using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

/// <summary>办: the holder reports findings, result and, when not fixed now, the plan; the report goes up to the assigning office.</summary>
public sealed class ReportHandling(CaseJournal journal, VisibleCases cases, CaseViews views, ILogger<ReportHandling> logger)
{
    public const string Operation = "ReportHandling";

    public async Task<CaseView> HandleAsync(string caseId, ReportDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Handler);
        var (@case, chain) = await cases.LoadAsync(journal, caseId, actor, Operation, cancellationToken);
        var now = journal.Now;
        var reporter = @case.Holder;
        var before = @case.Status;
        var into = @case.ReportHandling(actor.AsParty(), chain, draft, journal.Today, now);

        var number = await journal.NextNumberAsync<HandlingReport>(@case.Id, cancellationToken);
        journal.Db.Reports.Add(HandlingReport.From(draft, @case.Id, number, @case.Round, reporter, now));
        var firstMeasure = await journal.NextNumberAsync<CaseMeasure>(@case.Id, cancellationToken);
        journal.Db.Measures.AddRange(draft.Measures.Select((m, i) => CaseMeasure.From(m, @case.Id, firstMeasure + i, number)));
        await journal.RecordAsync(@case, "ReportHandling", before, actor.AsHistoryActor(),
            $"report {number} to {into.From}: " + (draft.RectifiedNow ? "rectified now" : $"rectification plan due {draft.PlanDeadline:yyyy-MM-dd}, {draft.PlanResponsibleUnit} responsible")
            + (draft.NeedsPhases ? $", {draft.PlanPhases.Count} phases (livelihood)" : ""), cancellationToken);
        journal.Publish(new CaseReported(@case.Id, @case.JurisdictionCode, reporter.JurisdictionCode, reporter.Unit, into.FromJurisdictionCode,
            draft.RectifiedNow, draft.HasPlan ? draft.PlanDeadline : null, draft.Measures.Count(m => m.Kind is MeasureKind.Stop or MeasureKind.Shutdown), now));
        await journal.SaveAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} reported by {Reporter} to {Office}", @case.Id, reporter, into.From);
        return views.For(@case, actor);
    }
}
