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
        var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == @event.DrawId, cancellationToken);
        if (draw is null)
            db.Draws.Add(PublishedDraw.Drawn(@event.DrawId, @event.JurisdictionCode, @event.Round, @event.Commitment, @event.Targets, @event.Teams,
                @event.TeamSize, @event.DrawnAt, @event.ReplacesDrawId, @event.RedrawReason));
        else
            draw.Complete(@event.Targets, @event.Teams, @event.TeamSize, @event.DrawnAt, @event.ReplacesDrawId, @event.RedrawReason);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// A draw was revealed: its page shows the seed, the inputs and the pairs with findings. A reveal arriving before the
/// draw itself is kept, unseen, until the draw's event completes it — retrying it could exhaust its deliveries first.
/// </summary>
public sealed class DrawRevealedHandler(DisclosureDbContext db) : IIntegrationEventHandler<DrawRevealed>
{
    public async Task HandleAsync(DrawRevealed @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == @event.DrawId, cancellationToken);
        if (draw is null)
        {
            draw = PublishedDraw.AwaitingDraw(@event.DrawId, @event.JurisdictionCode, @event.Round, @event.Commitment);
            db.Draws.Add(draw);
        }
        if (draw.Revealed) return;
        draw.Reveal(@event.Seed, @event.InputsHash, @event.InputsJson,
            [.. @event.Pairs.Select(p => new PublishedDrawPair(p.TargetName, p.TargetJurisdictionCode, p.Risk, p.Team,
                [.. p.Inspectors.Select(i => new PublishedInspector(i.Name, i.Unit))], p.Findings))], @event.RevealedAt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
