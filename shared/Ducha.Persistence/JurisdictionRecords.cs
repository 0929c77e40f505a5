using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ducha.Persistence;

/// <summary>
/// Files and finds the records of <typeparamref name="TContext"/> that jurisdictions own, under the two rules every
/// such record shares: only an actor whose reach covers the jurisdiction files or reads one, and one idempotency key
/// files one record.
/// </summary>
public sealed class JurisdictionRecords<TContext>(TContext db, JurisdictionTree tree, ILogger<JurisdictionRecords<TContext>> logger)
    where TContext : DbContext
{
    /// <summary>
    /// Stores <paramref name="record"/> unless its key already filed one, which is returned instead.
    /// <paramref name="onFiling"/> runs before the save, so an event it publishes commits with the record or not at all.
    /// </summary>
    public async Task<T> FileAsync<T>(T record, Actor actor, string operation, CancellationToken cancellationToken, Action<T>? onFiling = null)
        where T : JurisdictionRecord
    {
        tree.EnsureWithin(actor, record.JurisdictionCode, operation, logger);
        var (stored, filed) = await db.AddOnceAsync(record.IdempotencyKey,
            key => r => EF.Property<string?>(r, nameof(JurisdictionRecord.IdempotencyKey)) == key, () => record, onFiling ?? (_ => { }), cancellationToken);
        // Names and titles may be personal data; the id and the jurisdiction are enough to trace a record.
        if (filed)
            logger.LogInformation("{Operation}: {Record} {Id} filed for {JurisdictionCode} by {Role}", operation, typeof(T).Name, stored.Id,
                stored.JurisdictionCode, actor.Role.Name());
        return stored;
    }

    /// <summary>Refused unless the actor's reach covers <paramref name="jurisdictionCode"/>: for a check that must come before filing.</summary>
    public void EnsureWithin(Actor actor, string jurisdictionCode, string operation) => tree.EnsureWithin(actor, jurisdictionCode, operation, logger);

    /// <summary>The record with <paramref name="id"/>, if it exists and the actor's reach covers its jurisdiction.</summary>
    public async Task<T> FindAsync<T>(string id, Actor actor, string operation, CancellationToken cancellationToken)
        where T : JurisdictionRecord
    {
        var record = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(r => EF.Property<string>(r, nameof(JurisdictionRecord.Id)) == id, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(T).Name, id);
        tree.EnsureWithin(actor, record.JurisdictionCode, operation, logger);
        return record;
    }
}
