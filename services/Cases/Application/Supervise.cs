using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

public sealed record SuperviseCommand(string CaseId, SupervisionKind Kind, string? Leader, string? Note);

/// <summary>督: an office above the holder chases the case — reminder, notice, 挂牌督办, 包案 or a special team.</summary>
public sealed class Supervise(CaseJournal journal, VisibleCases cases, CaseViews views, JurisdictionTree tree)
{
    public const string Operation = "Supervise";

    public async Task<CaseView> HandleAsync(SuperviseCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var (@case, _) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var now = journal.Now;
        @case.Supervise(actor.AsParty(), tree, command.Kind, command.Leader, command.Note, now);
        journal.Db.Supervisions.Add(new CaseSupervision
        {
            CaseId = @case.Id, Number = await journal.NextNumberAsync<CaseSupervision>(@case.Id, cancellationToken), Kind = command.Kind,
            Leader = command.Leader, Note = command.Note, ByJurisdictionCode = actor.JurisdictionCode, At = now,
        });
        await journal.RecordAsync(@case, "Supervise", @case.Status, actor.AsHistoryActor(),
            $"{command.Kind}" + (command.Leader is null ? "" : $" by {command.Leader}") + (command.Note is { } note ? $": {note}" : ""), cancellationToken);
        journal.Publish(new CaseSupervised(@case.Id, @case.JurisdictionCode, actor.JurisdictionCode, command.Kind.ToString(), command.Leader, now));
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }
}
