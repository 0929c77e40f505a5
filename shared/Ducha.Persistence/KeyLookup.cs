using Ducha.EventBus.EntityFramework.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Persistence;

/// <summary>
/// <c>FindAsync</c>'s answer without its cost per call: Find builds a new query expression every time it misses the
/// tracker, which EF then walks and hashes to find the cached plan (event handlers ran it once per event). Here the
/// tracker is asked first, as Find does, and a compiled query the caller holds asks the store.
/// </summary>
public static class KeyLookup
{
    public static async Task<T?> FindByKeyAsync<TContext, T, TKey>(this TContext db, TKey key,
        PerModel<Func<TContext, TKey, CancellationToken, Task<T?>>> stored, CancellationToken cancellationToken)
        where TContext : DbContext where T : class where TKey : notnull =>
        db.Tracked<T, TKey>(key) ?? await stored.For(db)(db, key, cancellationToken);

    /// <summary>As above, without asking the store for a key a delivery batch's preload found no row for.</summary>
    public static async Task<T?> FindByKeyAsync<TContext, T>(this TContext db, string key, PreloadedRows preloaded,
        PerModel<Func<TContext, string, CancellationToken, Task<T?>>> stored, CancellationToken cancellationToken)
        where TContext : DbContext where T : class =>
        db.Tracked<T, string>(key) ?? (preloaded.IsAbsent<T>(key) ? null : await stored.For(db)(db, key, cancellationToken));

    /// <summary>
    /// The row with this key the context already tracks (added and not yet saved, too). Without scanning: reading
    /// <c>Local</c> would first compare every tracked row for changes, which a replay of hundreds of events keeps.
    /// </summary>
    public static T? Tracked<T, TKey>(this DbContext db, TKey key) where T : class where TKey : notnull
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<T>().Local.FindEntry(key)?.Entity;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
