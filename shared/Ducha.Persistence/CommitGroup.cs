using System.Collections.Concurrent;
using System.Diagnostics;
using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace Ducha.Persistence;

/// <summary>One <c>SaveChanges</c> waiting for its group's commit: its statements, its context's connection, its trace.</summary>
internal sealed class PendingSave(IEnumerable<ModificationCommandBatch> batches, IRelationalConnection connection, Activity? activity,
    CancellationToken cancellationToken)
{
    public IEnumerable<ModificationCommandBatch> Batches { get; } = batches;
    public IRelationalConnection Connection { get; } = connection;
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
/// The saves queued on one SQLite file (<see cref="SqliteGroupCommit"/>). Whoever queues while no group is being written
/// leads one group: it begins the transaction on its own connection (waiting its turn at the write lock), takes every save
/// queued by then, writes each under a savepoint and commits; if more saves queued meanwhile, the next group is led in
/// the background, so no caller leads for longer than its own group.
/// </summary>
internal sealed class CommitGroup
{
    // Bounds one transaction: a morning batch of saves still commits in groups rather than holding the lock for all of them.
    private const int MostSaves = 64;
    private const string Savepoint = "ducha_save";
    private static readonly ConcurrentDictionary<string, CommitGroup> Files = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<PendingSave> _queue = new();
    private int _leading;

    public static CommitGroup For(string connectionString) => Files.GetOrAdd(connectionString, _ => new CommitGroup());

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
            Volatile.Write(ref _leading, 0);
            // A save queued after this group was taken found a leader and left its commit to it.
            if (!_queue.IsEmpty && TryLead()) _ = Task.Run(LeadAsync);
        }
    }

    private async Task CommitAsync(PendingSave first)
    {
        var group = new List<PendingSave> { first };
        var lead = first.Connection;
        try
        {
            await using var transaction = await lead.BeginTransactionAsync(CancellationToken.None);
            while (group.Count < MostSaves && _queue.TryDequeue(out var next)) group.Add(next);
            var alone = group.Count == 1;
            foreach (var save in group) await WriteAsync(save, lead, transaction, alone);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of this group was committed: every save in it fails, a failed one with its own exception.
            foreach (var save in group) save.Failure ??= ex;
            foreach (var save in group) save.Done.TrySetException(save.Failure!);
            return;
        }
        finally
        {
            PersistenceMetrics.CommitGroupSaves.Record(group.Count);
        }
        foreach (var save in group)
        {
            if (save.Failure is null) save.Done.TrySetResult(save.Rows);
            else save.Done.TrySetException(save.Failure);
        }
    }

    /// <summary>
    /// One save's statements, on the leader's connection and in its caller's trace. A save that fails rolls back to its
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
