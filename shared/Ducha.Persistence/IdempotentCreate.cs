using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Persistence;

public static class IdempotentCreate
{
    /// <summary>
    /// Creates an entity once per idempotency key: a repeated request (even a concurrent one, caught by the unique
    /// index) gets the entity the first request stored. <paramref name="onCreating"/> runs before the save, so what it
    /// adds (an outbox event) commits with the entity or not at all. <paramref name="keyLookedUp"/>: the caller has just
    /// looked the key up itself (it had to know before preparing the entity), so it is not asked again before the save.
    /// </summary>
    public static async Task<(T Entity, bool Created)> AddOnceAsync<T>(this DbContext db, string? idempotencyKey,
        Func<string, Expression<Func<T, bool>>> byKey, Func<T> create, Action<T> onCreating, CancellationToken cancellationToken,
        bool keyLookedUp = false)
        where T : class
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey;
        if (key is not null && !keyLookedUp && await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(byKey(key), cancellationToken) is { } existing)
            return (existing, false);

        var entity = create();
        db.Set<T>().Add(entity);
        onCreating(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (entity, true);
        }
        catch (DbUpdateException) when (key is not null)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(byKey(key), cancellationToken);
            if (winner is null) throw;
            return (winner, false);
        }
    }
}
