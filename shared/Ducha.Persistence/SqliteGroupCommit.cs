using System.Diagnostics;
using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace Ducha.Persistence;

/// <summary>
/// Commits the saves that arrive together on one SQLite file in one transaction, each inside its own savepoint.
/// SQLite takes one writer at a time, so every <c>SaveChanges</c> queued for the file's write lock
/// (<see cref="SqliteWriteGate"/>); a trace of 8 callers filing complaints showed the lock busy 80 % of the time for
/// about one save per turn, each turn held 1.5–2 ms by a thread that two cores share with everything else. Now the save
/// that finds no transaction under way leads (<see cref="CommitGroup"/>): it takes the lock, writes every save queued
/// by then, and commits them with one <c>COMMIT</c> and one sync to disk.
/// <para>
/// Nothing a caller can see changes: its <c>SaveChanges</c> returns only after the <c>COMMIT</c> that holds its rows
/// (so an answered request survives a killed process, as before), a save that fails rolls back to its savepoint and
/// fails alone with its own exception, and a failed <c>COMMIT</c> fails every save in it. Saves inside a transaction of
/// their own (the inbox, an explicit <c>BeginTransaction</c>) or in an ambient one run as EF runs them, their appended
/// rows after (<see cref="AppendingBatchExecutor"/>); in a group, a save's appended rows (<see cref="PendingAppends"/>)
/// are written after its statements, inside its savepoint.
/// </para>
/// </summary>
#pragma warning disable EF1001 // EF's batch executor is internal API; its constructor is pinned by the package version.
public sealed class SqliteGroupCommit(ICurrentDbContext currentContext, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    : AppendingBatchExecutor(currentContext, updateLogger)
{
    public static new DbContextOptionsBuilder Use(DbContextOptionsBuilder options) => options.ReplaceService<IBatchExecutor, SqliteGroupCommit>();

    public override Task<int> ExecuteAsync(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection,
        CancellationToken cancellationToken = default)
    {
        var enlistment = connection as ITransactionEnlistmentManager;
        if (connection.CurrentTransaction is not null || enlistment?.EnlistedTransaction is not null || enlistment?.CurrentAmbientTransaction is not null
            || CurrentContext.Context.Database.AutoTransactionBehavior != AutoTransactionBehavior.WhenNeeded)
            return base.ExecuteAsync(commandBatches, connection, cancellationToken);
        return CommitGroup.For(CurrentContext.Context).SaveAsync(new PendingSave(commandBatches, Activity.Current, cancellationToken)
        {
            Context = CurrentContext.Context,
            Appends = PendingAppends.Of(CurrentContext.Context) is { IsEmpty: false } appends ? appends : null,
        });
    }
}
#pragma warning restore EF1001
