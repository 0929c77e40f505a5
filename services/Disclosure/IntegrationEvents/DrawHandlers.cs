using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Draws;
using Ducha.EventBus;

namespace Ducha.Disclosure.IntegrationEvents;

/// <summary>A 双随机 draw was made: its commitment is published at once (the draw's page), nothing that tips off a target.</summary>
public sealed class DrawMadeHandler(DisclosureDbContext db) : IIntegrationEventHandler<DrawMade>
{
    public async Task HandleAsync(DrawMade @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (await db.Draws.AnyAsync(d => d.Id == @event.DrawId, cancellationToken)) return;
        db.Draws.Add(new PublishedDraw
        {
            Id = @event.DrawId, JurisdictionCode = @event.JurisdictionCode, Round = @event.Round, Targets = @event.Targets, Teams = @event.Teams,
            TeamSize = @event.TeamSize, Commitment = @event.Commitment, DrawnAt = @event.DrawnAt, ReplacesDrawId = @event.ReplacesDrawId,
            RedrawReason = @event.RedrawReason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// A draw was revealed: its page shows the seed, the inputs and the pairs with findings. A reveal arriving before the
/// draw itself is refused so the bus delivers it again once the draw is there.
/// </summary>
public sealed class DrawRevealedHandler(DisclosureDbContext db) : IIntegrationEventHandler<DrawRevealed>
{
    public async Task HandleAsync(DrawRevealed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == @event.DrawId, cancellationToken)
            ?? throw new InvalidOperationException($"Draw {@event.DrawId} is revealed before its commitment arrived; retry later.");
        if (draw.Revealed) return;
        draw.Reveal(@event.Seed, @event.InputsHash, @event.InputsJson,
            [.. @event.Pairs.Select(p => new PublishedDrawPair(p.TargetName, p.TargetJurisdictionCode, p.Risk, p.Team,
                [.. p.Inspectors.Select(i => new PublishedInspector(i.Name, i.Unit))], p.Findings))], @event.RevealedAt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
