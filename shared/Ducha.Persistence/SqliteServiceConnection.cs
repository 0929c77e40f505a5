using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ducha.Persistence;

/// <summary>
/// EF's SQLite connection for a service's store, with two changes.
/// <list type="bullet">
/// <item>Without the functions EF registers for <c>decimal</c> arithmetic and <c>Regex</c> (<c>ef_add</c>,
/// <c>ef_compare</c>, <c>regexp</c> …). Microsoft.Data.Sqlite registers them on the native connection at every open and
/// removes them at every close: in a trace of 8 callers reading cases, 40 % of a GetCase's CPU. No model here maps a
/// <c>decimal</c> or queries by <c>Regex</c> (<c>StoreModelRules</c> keeps it so), so nothing ever calls them.</item>
/// <item>Open from the first query of the context to its disposal, across the leases of a pooled context, instead of
/// opened and closed around every query. SQLite keeps a statement compiled only while its connection is open, and
/// compiling it again was a fifth of a GetCase's CPU (<see cref="StatementCachingSqliteConnection"/>). Between
/// statements an open connection holds no lock and no snapshot; a transaction still ends as EF ends it.</item>
/// </list>
/// </summary>
#pragma warning disable EF1001 // EF's own SQLite connection is internal API; its constructor is pinned by the package version.
public sealed class SqliteServiceConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteServiceConnection>();

    protected override DbConnection CreateDbConnection() => new StatementCachingSqliteConnection(GetValidatedConnectionString());

    // Disposing the context (or the pool that holds it) still closes the connection: EF disposes it then.
    protected override void CloseDbConnection() { }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;

    // A BEGIN that fails (another process held the lock past the busy timeout) leaves no transaction to end.
    protected override DbTransaction ConnectionBeginTransaction(IsolationLevel isolationLevel)
    {
        try
        {
            return base.ConnectionBeginTransaction(isolationLevel);
        }
        catch
        {
            SqliteWriteGate.ReleaseTurn(DbConnection);
            throw;
        }
    }

    protected override async ValueTask<DbTransaction> ConnectionBeginTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.ConnectionBeginTransactionAsync(isolationLevel, cancellationToken);
        }
        catch
        {
            SqliteWriteGate.ReleaseTurn(DbConnection);
            throw;
        }
    }

    // A transaction EF ends without COMMIT or ROLLBACK (disposed after an exception) gave its write turn back when EF
    // closed the connection after it; the connection now stays open, so the turn goes back as EF lets go of the transaction.
    public override IDbContextTransaction? UseTransaction(DbTransaction? transaction, Guid transactionId)
    {
        if (transaction is null) SqliteWriteGate.ReleaseTurn(DbConnection);
        return base.UseTransaction(transaction, transactionId);
    }

    public override Task<IDbContextTransaction?> UseTransactionAsync(DbTransaction? transaction, Guid transactionId, CancellationToken cancellationToken = default)
    {
        if (transaction is null) SqliteWriteGate.ReleaseTurn(DbConnection);
        return base.UseTransactionAsync(transaction, transactionId, cancellationToken);
    }
}
#pragma warning restore EF1001
