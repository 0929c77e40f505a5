using Ducha.Cases.Application.Units;
using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;

namespace Ducha.Cases.Application;

/// <param name="ToJurisdictionCode">The office below; null for a handling unit of the holder's own jurisdiction.</param>
public sealed record AssignDownCommand(string CaseId, string? ToJurisdictionCode, string? ToUnit, int WorkingDays, string? Reason);

/// <summary>转: the holding office passes the case one level down toward the place, or to one of its active handling units.</summary>
public sealed class AssignDown(CaseJournal journal, VisibleCases cases, CaseViews views, AssignmentRules rules, UnitRegisters units, ILogger<AssignDown> logger)
{
    public const string Operation = "AssignDown";

    public async Task<CaseView> HandleAsync(AssignDownCommand command, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var (@case, chain) = await cases.LoadAsync(journal, command.CaseId, actor, Operation, cancellationToken);
        var from = @case.Holder;
        var hop = await MoveAsync(journal, units, rules, @case, chain, command, actor, cancellationToken);
        await journal.SaveAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} assigned from {From} to {To}, due {Deadline}", @case.Id, from, hop.To, hop.Deadline);
        return views.For(@case, actor);
    }

    /// <summary>
    /// Makes the hop of <paramref name="command"/> on a case loaded for <paramref name="actor"/> and writes it into the unit
    /// of work, not yet saved: the one 转 the single call and the batch (<see cref="AssignDownBatch"/>) both make.
    /// </summary>
    internal static async Task<CaseAssignment> MoveAsync(CaseJournal journal, UnitRegisters units, AssignmentRules rules, Case @case,
        AssignmentChain chain, AssignDownCommand command, Actor actor, CancellationToken cancellationToken)
    {
        var to = new CaseParty(command.ToJurisdictionCode ?? @case.HolderJurisdictionCode, command.ToUnit);
        var before = @case.Status;
        var register = to.Unit is null ? null : await units.OfAsync(@case.HolderJurisdictionCode, cancellationToken);
        var hop = @case.AssignDown(actor.AsParty(), to, command.WorkingDays, rules, chain, journal.Now, register);
        await journal.PreloadAsync(@case, cancellationToken);
        Record(journal, @case, hop, before, actor, command.Reason);
        return hop;
    }

    /// <summary>Writes a hop just made with its history link and events; the case's last link must be known to the journal.</summary>
    internal static void Record(CaseJournal journal, Case @case, CaseAssignment hop, CaseStatus before, Actor actor, string? reason)
    {
        journal.Db.Assignments.Add(hop);
        journal.Record(@case, "AssignDown", before, actor.AsHistoryActor(),
            $"to {hop.To}, {hop.WorkingDays} working days, due {hop.Deadline:yyyy-MM-dd}" + (reason is { } why ? $": {why}" : ""));
        journal.Publish(new CaseAssigned(@case.Id, @case.JurisdictionCode, hop.FromJurisdictionCode, hop.ToJurisdictionCode, hop.WorkingDays,
            hop.Deadline, hop.DeliveredAt, hop.ToUnit, hop.DeadlineProvisionalAfter is not null));
        // By day the case arrives at once; a night-time hop is announced at 08:00 by the deadline watch.
        if (hop.DeliveredAt <= journal.Now)
        {
            hop.AnnounceDelivery();
            journal.Publish(new CaseDelivered(@case.Id, @case.JurisdictionCode, hop.ToJurisdictionCode, hop.ToUnit, hop.Deadline, hop.DeliveredAt,
                hop.DeadlineProvisionalAfter is not null));
        }
    }
}
