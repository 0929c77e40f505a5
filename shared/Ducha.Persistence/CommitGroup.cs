using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace Ducha.Persistence;

/// <summary>One <c>SaveChanges</c> waiting for its group's commit: its statements, its trace.</summary>
internal sealed class PendingSave(IEnumerable<ModificationCommandBatch> batches, Activity? activity, CancellationToken cancellationToken)
{
    public IEnumerable<ModificationCommandBatch> Batches { get; } = batches;
    public Activity? Activity { get; } = activity;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    /// <summary>The saving context, whose model maps the appended rows.</summary>
    public required DbContext Context { get; init; }
    public PendingAppends? Appends { get; init; }
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int Rows { get; set; }
    public Exception? Failure { get; set; }
}

/// <summary>
/// The saves queued on one store's SQLite file (<see cref="SqliteGroupCommit"/>), one group per context options, so per
/// store and host. Whoever queues while no group is being written leads one group: it begins the transaction on the
/// store's writer (waiting its turn at the write lock), takes every save queued by then, writes each under a savepoint and
/// commits; if more saves queued meanwhile, the next group is led in the background, so no caller leads for longer than
/// its own group.
/// <para>
/// The writer is a context of the store's own type that does nothing but write the groups, on one connection kept open.
/// SQLite throws away a connection's whole page cache when it begins a read and finds that another connection has
/// committed since, so a group written on whichever request's connection led it found that connection's cache gone and
/// read the pages of every B-tree it touched again: 36 reads from the file (<c>pread</c>) per filed complaint at 8
/// callers. A connection's own commits leave its cache in place, so the writer keeps the pages it writes to: 21 per
/// complaint.
/// </para>
/// </summary>
internal sealed class CommitGroup
{
    // Bounds one transaction: a morning batch of saves still commits in groups rather than holding the lock for all of them.
    private const int MostSaves = 64;
    private const string Savepoint = "ducha_save";
    private static readonly ConditionalWeakTable<IDbContextOptions, CommitGroup> Stores = [];

    private readonly ConcurrentQueue<PendingSave> _queue = new();
    private readonly Type _contextType;
    private readonly IDbContextOptions _options;
    private int _leading;
    private DbContext? _writer;
    private bool _released;

    private CommitGroup(Type contextType, IDbContextOptions options) => (_contextType, _options) = (contextType, options);

    public static CommitGroup For(DbContext context) =>
        Stores.GetValue(context.GetService<IDbContextOptions>(), options => new CommitGroup(context.GetType(), options));

    /// <summary>
    /// Closes the writer of the store <paramref name="options"/> configure, once its group (if one is being written) has
    /// committed. A save that still comes (a background pass after its host stopped) is written on a writer closed again
    /// after its group.
    /// </summary>
    public static async Task ReleaseAsync(IDbContextOptions options)
    {
        if (!Stores.TryGetValue(options, out var group)) return;
        while (!group.TryLead()) await Task.Delay(1);
        try
        {
            group._released = true;
            await group.CloseWriterAsync();
        }
        finally
        {
            group.EndLead();
        }
    }

    /// <summary>Saves waiting for a leader to take them.</summary>
    internal int Queued => _queue.Count;

    /// <summary>Whether a group is being written (or its leader waits for the write lock).</summary>
    internal bool Leading => Volatile.Read(ref _leading) == 1;

    public async Task<int> SaveAsync(PendingSave save)
    {
        _queue.Enqueue(save);
        if (TryLead()) await LeadAsync();
        return await save.Done.Task;
    }

    private bool TryLead() => Interlocked.CompareExchange(ref _leading, 1, 0) == 0;

    private async Task LeadAsync()
    {
        try
        {
            if (_queue.TryDequeue(out var first)) await CommitAsync(first);
        }
        finally
        {
            EndLead();
        }
    }

    private void EndLead()
    {
        Volatile.Write(ref _leading, 0);
        // A save queued after this group was taken found a leader and left its commit to it.
        if (!_queue.IsEmpty && TryLead()) _ = Task.Run(LeadAsync);
    }

    private DbContext Writer() =>
        _writer ??= Activator.CreateInstance(_contextType, _options) as DbContext
            ?? throw new InvalidOperationException($"{_contextType.Name} cannot be created from its options alone, so its store has no writer.");

    private async Task CloseWriterAsync()
    {
        if (_writer is not { } writer) return;
        _writer = null;
        try
        {
            await writer.DisposeAsync();
        }
        catch (Exception)
        {
            // The callers of the group are still to be answered. A writer that fails to close is dropped either way, and
            // SQLite closes its native connection when it is collected.
        }
    }

    private async Task CommitAsync(PendingSave first)
    {
        var group = new List<PendingSave> { first };
        try
        {
            var writer = Writer();
            var lead = writer.GetService<IRelationalConnection>();
            await using var transaction = await writer.Database.BeginTransactionAsync(CancellationToken.None);
            while (group.Count < MostSaves && _queue.TryDequeue(out var next)) group.Add(next);
            var alone = group.Count == 1;
            foreach (var save in group) await WriteAsync(save, lead, transaction, alone);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of this group was committed: every save in it fails, a failed one with its own exception. A save the
            // store refused (a conflict) leaves the writer as it was; after any other failure (a BEGIN or COMMIT refused,
            // the disk) the writer is opened afresh for the next group, whatever state its connection was left in.
            foreach (var save in group) save.Failure ??= ex;
            foreach (var save in group) save.Done.TrySetException(save.Failure!);
            if (ex is not DbUpdateException) await CloseWriterAsync();
            return;
        }
        finally
        {
            PersistenceMetrics.CommitGroupSaves.Record(group.Count);
            if (_released) await CloseWriterAsync();
        }
        foreach (var save in group)
        {
            if (save.Failure is null) save.Done.TrySetResult(save.Rows);
            else save.Done.TrySetException(save.Failure);
        }
    }

    /// <summary>
    /// One save's statements, on the writer's connection and in its caller's trace. A save that fails rolls back to its
    /// savepoint and the rest of the group goes on; one writing alone needs no savepoint, its failure ends the transaction.
    /// </summary>
    private static async Task WriteAsync(PendingSave save, IRelationalConnection lead, IDbContextTransaction transaction, bool alone)
    {
        var caller = Activity.Current;
        // A save from work whose span has already ended (a background pass) writes outside any trace.
        Activity.Current = save.Activity is { IsStopped: false } ? save.Activity : null;
        try
        {
            save.CancellationToken.ThrowIfCancellationRequested();
            if (!alone) await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
            try
            {
                foreach (var batch in save.Batches)
                {
                    await batch.ExecuteAsync(lead, save.CancellationToken);
                    save.Rows += batch.ModificationCommands.Count;
                }
                if (save.Appends is { } appends) await appends.WriteAsync(save.Context, transaction.GetDbTransaction(), save.CancellationToken);
            }
            catch (Exception ex) when (!alone)
            {
                save.Failure = ex;
                // If SQLite ended the whole transaction (a full disk), this throws and the group fails as one.
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }
            if (!alone) await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
        }
        catch (Exception ex) when (alone || save.Failure is null && ex is OperationCanceledException)
        {
            save.Failure = ex;
            if (alone) throw;
        }
        finally
        {
            Activity.Current = caller is { IsStopped: false } ? caller : null;
        }
    }
}
