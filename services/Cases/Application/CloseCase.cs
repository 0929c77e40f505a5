using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

public sealed record CloseCaseCommand(string CaseId, Attestations Attestations, CallbackResult Callback, string? CallbackNote, string? OverrideReason);

/// <summary>销号: the originating office closes a verified case with the four not-let-go attested.</summary>
public sealed class CloseCase(CaseJournal journal, VisibleCases cases, CaseViews views, ILogger<CloseCase> logger)
{
    public const string Operation = "CloseCase";

    public async Task<CaseView> HandleAsync(CloseCaseCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var (@case, _) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var hasAccountability = await journal.Db.Accountability.AnyAsync(r => r.CaseId == @case.Id, cancellationToken);
        var now = journal.Now;
        var before = @case.Status;
        @case.Close(actor.AsParty(), command.Attestations, command.Callback, command.OverrideReason, hasAccountability, now);
        var overridden = command.Callback == CallbackResult.Dissatisfied;
        await journal.RecordAsync(@case, "Close", before, actor.AsHistoryActor(),
            $"four not-let-go attested; callback {command.Callback}" + (command.CallbackNote is { } note ? $" ({note})" : "")
            + (overridden ? $"; overridden: {command.OverrideReason}" : ""), cancellationToken);
        journal.Publish(new CaseClosed(@case.Id, @case.JurisdictionCode, @case.HolderJurisdictionCode, command.Callback.ToString(), overridden, @case.RepeatCount, now));
        await journal.SaveAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} closed by {Office}, callback {Callback}", @case.Id, @case.HolderJurisdictionCode, command.Callback);
        return views.For(@case, actor);
    }
}
