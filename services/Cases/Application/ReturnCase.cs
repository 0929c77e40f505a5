using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

public sealed record ReturnCaseCommand(string CaseId, string Reason);

/// <summary>The office or unit just assigned sends the case back to the office that assigned it, with a reason.</summary>
public sealed class ReturnCase(CaseJournal journal, VisibleCases cases, CaseViews views, ILogger<ReturnCase> logger)
{
    public const string Operation = "ReturnCase";

    public async Task<CaseView> HandleAsync(ReturnCaseCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Handler);
        var (@case, chain) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var now = journal.Now;
        var before = @case.Status;
        var returned = @case.Return(actor.AsParty(), chain, command.Reason, now);
        var hop = returned.Hop;
        var history = actor.AsHistoryActor();
        await journal.RecordAsync(@case, "Return", before, history, $"to {hop.From}: {command.Reason}", cancellationToken);
        journal.Publish(new CaseReturned(@case.Id, @case.JurisdictionCode, hop.ToJurisdictionCode, hop.FromJurisdictionCode, command.Reason, now, hop.ToUnit));
        if (returned.BuckPassingFlagged)
        {
            await journal.RecordAsync(@case, "FlagBuckPassing", @case.Status, history, $"returned {returned.Bounces} times between {hop.From} and {hop.To}", cancellationToken);
            journal.Publish(new BuckPassingFlagged(@case.Id, @case.JurisdictionCode, hop.FromJurisdictionCode, hop.ToJurisdictionCode, returned.Bounces, now, hop.ToUnit));
            logger.LogWarning("Case {CaseId} flagged for buck-passing between {A} and {B}", @case.Id, hop.From, hop.To);
        }
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }
}
