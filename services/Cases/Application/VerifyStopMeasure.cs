using Ducha.Cases.Domain;

namespace Ducha.Cases.Application;

public sealed record VerifyStopMeasureCommand(string CaseId, int MeasureNumber, string Finding);

/// <summary>The on-site check of a stop or shutdown order by its verification date (against 长停久治、久治不验).</summary>
public sealed class VerifyStopMeasure(CaseJournal journal, VisibleCases cases, CaseViews views)
{
    public const string Operation = "VerifyStopMeasure";

    public async Task<CaseView> HandleAsync(VerifyStopMeasureCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Handler);
        var (@case, _) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var measure = await journal.Db.Measures.FirstOrDefaultAsync(m => m.CaseId == @case.Id && m.Number == command.MeasureNumber, cancellationToken)
            ?? throw new EntityNotFoundException("Measure", $"{@case.Id}/{command.MeasureNumber}");
        var now = journal.Now;
        measure.Verify(command.Finding, now);
        @case.Touch(now);
        await journal.RecordAsync(@case, "VerifyStopMeasure", @case.Status, actor.AsHistoryActor(), $"measure {measure.Number}: {command.Finding}", cancellationToken);
        await journal.SaveAsync(cancellationToken);
        return views.For(@case, actor);
    }
}
