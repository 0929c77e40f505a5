using System.Globalization;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Cases.IntegrationEvents;

/// <summary>
/// Keeps Cases' copy of who is seconded (<see cref="SecondedCadre"/>), so a seconded cadre is refused as a handler of
/// the home unit even while the secondment service is down. The inbox drops a redelivered event; one published again
/// under a new id, or an end that overtakes its start, lands on the same row by the secondment's id.
/// </summary>
public sealed class SecondmentHandler(CasesDbContext db, ILogger<SecondmentHandler> logger)
    : IIntegrationEventHandler<CadreSeconded>, IIntegrationEventHandler<SecondmentEnded>
{
    public async Task HandleAsync(CadreSeconded @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var row = await RowAsync(@event.SecondmentId, cancellationToken);
        row.Seconded(@event.Subject, @event.HomeJurisdictionCode, @event.HomeUnit, @event.JurisdictionCode, @event.PostName, @event.StartDate, @event.EndDate);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Secondment {SecondmentId} of {Subject} away from {HomeUnit} ({HomeJurisdiction}) kept: {Start}..{End}",
            @event.SecondmentId, @event.Subject, @event.HomeUnit, @event.HomeJurisdictionCode, Iso(@event.StartDate), Iso(@event.EndDate));
    }

    public async Task HandleAsync(SecondmentEnded @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var row = await RowAsync(@event.SecondmentId, cancellationToken);
        row.Ended(@event.Subject, @event.HomeUnit, @event.JurisdictionCode, @event.EndedDate);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Secondment {SecondmentId} of {Subject} ended on {EndedDate}", @event.SecondmentId, @event.Subject, Iso(@event.EndedDate));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<SecondedCadre> RowAsync(string secondmentId, CancellationToken cancellationToken)
    {
        if (await db.SecondedCadres.FirstOrDefaultAsync(s => s.SecondmentId == secondmentId, cancellationToken) is { } row) return row;
        row = SecondedCadre.New(secondmentId);
        db.SecondedCadres.Add(row);
        return row;
    }
}
