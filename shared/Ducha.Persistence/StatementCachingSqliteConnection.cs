using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ducha.Persistence;

/// <summary>
/// A SQLite connection that keeps its most recent statements compiled while it is open. EF creates a command for every
/// query and save and disposes it after, and Microsoft.Data.Sqlite finalizes a command's compiled statements with it
/// (efcore#14044), so SQLite parsed and planned the same SQL again at every execution: a fifth of a GetCase's CPU, and
/// the largest share of SQLite's time in every other call. The commands this connection hands out
/// (<see cref="ReusedSqliteCommand"/>) take an idle compiled statement for their SQL text when there is one, and leave
/// theirs for the next when disposed. Closing the connection finalizes them all.
/// </summary>
public sealed class StatementCachingSqliteConnection : SqliteConnection
{
    /// <summary>
    /// Statements kept per connection: the hot statements of a store (a case's read, its chain, its save, the outbox and
    /// inbox) are a few dozen; EF's batched saves vary their text with the batch and are pushed out first.
    /// </summary>
    public const int Capacity = 64;

    public StatementCachingSqliteConnection(string connectionString) : base(connectionString) => Statements = new StatementCache(this, Capacity);

    internal StatementCache Statements { get; }

    internal SqliteTransaction? CurrentTransaction => Transaction;

    protected override DbCommand CreateDbCommand() => new ReusedSqliteCommand(this);

    public override void Close()
    {
        Statements.Clear();
        base.Close();
    }
}
