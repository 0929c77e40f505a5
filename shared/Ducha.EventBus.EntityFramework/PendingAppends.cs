using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework;

/// <summary>
/// Rows a unit of work only ever appends (a case's history links, its outbox events), handed to the context's next
/// <c>SaveChanges</c> instead of its change tracker: that save writes them with <see cref="AppendedRows"/> after its own
/// statements and in the same transaction (inside its savepoint when SQLite commits saves in groups), so they commit with
/// it or not at all. EF's update pipeline builds a command, a modification and a parameter object per column for every
/// tracked row, and compares each tracked row again at every later save of the unit (README "The drill" has what
/// this saved a filed complaint). Whatever the save's outcome, the rows are gone from here after it, as a unit of work
/// that fails starts again from the stored state. Attached to a context by its owner for the owner's lifetime (the
/// context may be pooled and outlive it).
/// </summary>
public sealed class PendingAppends
{
    private static readonly ConditionalWeakTable<DbContext, PendingAppends> Attached = [];
    private readonly List<IRows> _tables = [];

    /// <summary>Whether the save in progress wrote the rows itself (a save with nothing of EF's to write does not).</summary>
    public bool Written { get; private set; }

    public bool IsEmpty => _tables.Count == 0;

    public static PendingAppends? Of(DbContext db) => Attached.TryGetValue(db, out var appends) ? appends : null;

    /// <summary>Hands <paramref name="db"/>'s saves this owner's rows, until <see cref="Detach"/>.</summary>
    public static PendingAppends Attach(DbContext db)
    {
        var appends = new PendingAppends();
        Attached.AddOrUpdate(db, appends);
        return appends;
    }

    public void Detach(DbContext db)
    {
        if (Of(db) == this) Attached.Remove(db);
        Clear();
    }

    public void Add<T>(T row) where T : class
    {
        foreach (var table in _tables)
        {
            if (table is Rows<T> rows)
            {
                rows.List.Add(row);
                return;
            }
        }
        _tables.Add(new Rows<T>([row]));
    }

    public void Clear()
    {
        _tables.Clear();
        Written = false;
    }

    /// <summary>
    /// Inserts the rows, table by table in the order first appended, inside <paramref name="transaction"/>. A refusal by
    /// the store (a key another writer took) comes back as EF's own save would report it, a <see cref="DbUpdateException"/>.
    /// </summary>
    public async Task WriteAsync(DbContext db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in _tables) await table.WriteAsync(db, transaction, cancellationToken);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"The store refused rows appended by {db.GetType().Name}: {ex.Message}", ex);
        }
        Written = true;
    }

    private interface IRows
    {
        Task WriteAsync(DbContext db, DbTransaction transaction, CancellationToken cancellationToken);
    }

    private sealed class Rows<T>(List<T> list) : IRows where T : class
    {
        public List<T> List { get; } = list;

        public Task WriteAsync(DbContext db, DbTransaction transaction, CancellationToken cancellationToken) =>
            AppendedRows.InsertAsync(db, transaction, List, cancellationToken);
    }
}
