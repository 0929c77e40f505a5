using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

/// <param name="Reason">Required when the report is sent back.</param>
public sealed record VerifyReportCommand(string CaseId, bool Accept, VerificationMethod? Method, string? Reason);

/// <summary>核: the office holding a report accepts it onward (the originating office last) or sends it back down.</summary>
public sealed class VerifyReport(CaseJournal journal, VisibleCases cases, CaseViews views)
{
    public const string Operation = "VerifyReport";

    public async Task<CaseView> HandleAsync(VerifyReportCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var (@case, chain) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var now = journal.Now;
        var before = @case.Status;
        var verification = @case.VerifyReport(actor.AsParty(), chain, command.Accept, now);
        var office = verification.Office;
        var method = command.Method?.ToString();
        if (verification.Accepted)
        {
            var up = verification.Up;
            await journal.RecordAsync(@case, "Verify", before, actor.AsHistoryActor(),
                (up is null ? "accepted; verified at the originating office" : $"accepted; reported on to {up.From}")
                + (method is null ? "" : $" ({method})") + (command.Reason is null ? "" : $": {command.Reason}"), cancellationToken);
            journal.Publish(new CaseVerified(@case.Id, @case.JurisdictionCode, office.JurisdictionCode, up?.FromJurisdictionCode, verification.Final, method, now));
        }
        else
        {
            var down = verification.Down!;
            await journal.RecordAsync(@case, "SendBack", before, actor.AsHistoryActor(), $"to {down.To}: {command.Reason}", cancellationToken);
            journal.Publish(new CaseSentBack(@case.Id, @case.JurisdictionCode, office.JurisdictionCode, down.ToJurisdictionCode, down.ToUnit, command.Reason!, now));
        }
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }
}
