using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Update.Internal;

namespace Ducha.Persistence;

/// <summary>
/// EF's batch executor, and after its statements the save's appended rows (<see cref="PendingAppends"/>) in the same
/// transaction: the caller's, or one begun here when EF would have written its statements without one.
/// </summary>
#pragma warning disable EF1001 // EF's batch executor is internal API; its constructor is pinned by the package version.
public class AppendingBatchExecutor(ICurrentDbContext currentContext, IDiagnosticsLogger<DbLoggerCategory.Update> updateLogger)
    : BatchExecutor(currentContext, updateLogger)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) => options.ReplaceService<IBatchExecutor, AppendingBatchExecutor>();

    public override Task<int> ExecuteAsync(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection,
        CancellationToken cancellationToken = default) =>
        WithAppendsAsync(CurrentContext.Context, connection, () => base.ExecuteAsync(commandBatches, connection, cancellationToken), cancellationToken);

    internal static async Task<int> WithAppendsAsync(DbContext context, IRelationalConnection connection, Func<Task<int>> execute,
        CancellationToken cancellationToken)
    {
        if (PendingAppends.Of(context) is not { IsEmpty: false } appends) return await execute();
        if (connection.CurrentTransaction is { } current)
        {
            var rows = await execute();
            await appends.WriteAsync(context, current.GetDbTransaction(), cancellationToken);
            return rows;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int saved;
        // One transaction for both, begun for them: no savepoint needed inside it.
        using (context.WithoutSavepoints()) saved = await execute();
        await appends.WriteAsync(context, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }
}
#pragma warning restore EF1001
