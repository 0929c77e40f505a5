using Ducha.BuildingBlocks.Sampling;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>
/// A level draws targets and teams for a round from its registers with a seed only the service makes. Only the
/// commitment goes out (secondment.draw-made) so that no target is tipped off; the draw and its history link commit
/// together with the event. A second draw for the round is a new record that replaces the first, which stays visible.
/// </summary>
public sealed class MakeDraw(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records, EventOutbox<SecondmentDbContext> outbox,
    ISecondmentHistory history, TimeProvider time, ILogger<MakeDraw> logger)
{
    public const string Operation = "MakeDraw";

    public async Task<Draw> HandleAsync(string jurisdictionCode, DrawProcedure.Counts counts, string? redrawReason, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.RequireKeeper(Operation);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        if (idempotencyKey is not null && await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.IdempotencyKey == idempotencyKey, cancellationToken) is { } done)
            return done;

        var current = await db.Draws.Where(d => d.JurisdictionCode == jurisdictionCode && d.Round == counts.Round && d.ReplacedByDrawId == null)
            .FirstOrDefaultAsync(cancellationToken);
        var previous = await db.Draws.AsNoTracking()
            .Where(d => d.JurisdictionCode == jurisdictionCode && d.Round != counts.Round && d.ReplacedByDrawId == null)
            .OrderByDescending(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        var (targets, inspectors) = await DrawRules.LoadRegistersAsync(db, jurisdictionCode, cancellationToken);

        var seed = ReproducibleDraw.NewSeed();
        var outcome = DrawProcedure.Run(seed, counts, targets.Select(t => t.ToCandidate()).ToList(), inspectors.Select(i => i.ToCandidate()).ToList(),
            previous, await DrawRules.PairsOfAsync(db, previous, cancellationToken));
        var targetById = targets.ToDictionary(t => t.Id);
        var inspectorById = inspectors.ToDictionary(i => i.Id);
        var pairs = outcome.Pairs.Select(p =>
        {
            var t = targetById[p.TargetId];
            return new DrawnPair(t.Id, t.Name, t.JurisdictionCode, t.Risk, p.Team,
                [.. p.InspectorIds.Select(id => inspectorById[id]).Select(i => new DrawnInspector(i.Id, i.CadreId, i.Name, i.Unit, i.HomeJurisdictionCode))], null);
        }).ToList();

        var now = time.GetStoredUtcNow();
        var draw = Draw.Make(jurisdictionCode, counts, seed, outcome, pairs, previous, current, redrawReason, idempotencyKey, now);
        db.Draws.Add(draw);
        await history.AppendAsync(jurisdictionCode, "draw.made", draw.Id,
            new { draw.Round, draw.Targets, draw.Teams, draw.TeamSize, draw.Procedure, draw.Commitment, draw.ReplacesDrawId, draw.RedrawReason, draw.DrawnAt },
            actor, cancellationToken);
        outbox.Add(new DrawMade(draw.Id, jurisdictionCode, draw.Round, draw.Targets, draw.Teams, draw.TeamSize, draw.Procedure, draw.Commitment, now,
            draw.ReplacesDrawId, draw.RedrawReason));
        await DrawRules.SaveAsync(db, current?.Id ?? draw.Id, cancellationToken);
        logger.LogInformation("{Operation}: draw {DrawId} of {JurisdictionCode} made by {Role}; replaces {ReplacesDrawId}", Operation, draw.Id, jurisdictionCode,
            actor.Role.Name(), draw.ReplacesDrawId);
        return draw;
    }
}
