using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Secondment.Application.History;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>
/// The drawing level reveals a draw with its results (secondment.draw-revealed): the seed, the inputs and their hash,
/// so anyone can check SHA-256(seed + inputs hash) against the commitment published at draw time, and the pairs with
/// findings — inspectors by name and unit only.
/// </summary>
public sealed class RevealDraw(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records, EventOutbox<SecondmentDbContext> outbox,
    ISecondmentHistory history, TimeProvider time)
{
    public const string Operation = "RevealDraw";

    public async Task<Draw> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireKeeper(Operation);
        await records.FindAsync<Draw>(id, actor, Operation, cancellationToken);
        var draw = await db.Draws.FirstAsync(d => d.Id == id, cancellationToken);
        var now = time.GetStoredUtcNow();
        draw.Reveal(now);
        await history.AppendAsync(draw.JurisdictionCode, "draw.revealed", draw.Id, new { draw.Seed, draw.InputsHash, draw.Commitment, draw.PairsJson, draw.RevealedAt },
            actor, cancellationToken);
        outbox.Add(new DrawRevealed(draw.Id, draw.JurisdictionCode, draw.Round, draw.Seed, draw.InputsHash, draw.InputsJson, draw.Commitment,
            [.. draw.Pairs.Select(p => new RevealedDrawPair(p.TargetName, p.TargetJurisdictionCode, DrawProcedure.StratumName(p.Risk), p.Team,
                [.. p.Inspectors.Select(i => new RevealedInspector(i.Name, i.Unit))], p.Findings ?? ""))], now));
        await DrawRules.SaveAsync(db, id, cancellationToken);
        return draw;
    }
}
