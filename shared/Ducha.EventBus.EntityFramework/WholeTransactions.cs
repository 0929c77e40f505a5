using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework;

/// <summary>
/// For a transaction that succeeds or fails whole: a delivery's (a failed save rolls it all back for the transport to
/// redeliver), a relay pass on PostgreSQL, a read model's batch of fetched facts. Inside a transaction EF sets a
/// savepoint before every save and releases it after: two statements per save (on PostgreSQL two round trips) that such
/// a transaction never rolls back to.
/// </summary>
public static class WholeTransactions
{
    /// <summary>Turns EF's automatic savepoints off on <paramref name="db"/> until the result is disposed.</summary>
    public static IDisposable WithoutSavepoints(this DbContext db)
    {
        var before = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        return new Restore(db, before);
    }

    private sealed class Restore(DbContext db, bool before) : IDisposable
    {
        public void Dispose() => db.Database.AutoSavepointsEnabled = before;
    }
}
