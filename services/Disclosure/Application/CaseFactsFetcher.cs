using Ducha.Disclosure.Data;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.AppliedEvents;

namespace Ducha.Disclosure.Application;

/// <summary>
/// Fetches from cases what the events do not carry, for the cases whose events asked for it (<c>FactsPending</c>), in
/// batches per province, and keeps each answer with its read-model change (<see cref="CaseFactsLedger"/>). Not done in the
/// event handlers: a bus dead-letters an event after a few failed attempts, and cases being down for an hour must not
/// cost disclosure its events. The handlers apply what the event carries and mark the facts wanted; this retries, with
/// a growing pause per case, until cases answers.
/// </summary>
public sealed class CaseFactsFetcher(IServiceScopeFactory scopes, AppliedEventLogLock logLock, TimeProvider time, IConfiguration configuration,
    ILogger<CaseFactsFetcher> logger) : BackgroundService
{
    /// <summary>Cases answers at most this many cases per call.</summary>
    public const int Batch = 100;
    // Every complaint nudges: a moment's wait lets those arriving together share one call to cases and one transaction
    // here. Without it, a complaint at a time took a call of its own (with one caller, 190 calls a second).
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly TimeSpan _poll = configuration.GetValue("Disclosure:FactsFetcherPollInterval", TimeSpan.FromSeconds(5));

    /// <summary>Wakes the fetcher now rather than at its next poll: an event just asked for facts.</summary>
    public void Nudge()
    {
        if (_nudge.CurrentCount > 0) return;
        try { _nudge.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due: go on without waiting.
                while (await PassAsync(stoppingToken) == Batch) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Case facts pass failed; retrying at the next poll");
            }
            try
            {
                if (await _nudge.WaitAsync(_poll, stoppingToken)) await Task.Delay(Gather, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    public override void Dispose()
    {
        _nudge.Dispose();
        base.Dispose();
    }

    /// <summary>One pass over the cases whose facts are due; answers how many it asked cases about.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetStoredUtcNow();
        List<(string CaseId, string Province, int Wanted)> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = (await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Cases.AsNoTracking()
                    .Where(c => c.FactsPending && c.FactsDueAt <= now)
                    .OrderBy(c => c.FactsDueAt).Take(Batch)
                    .Select(c => new { c.CaseId, c.ProvinceCode, c.FactsWanted }).ToListAsync(cancellationToken))
                .Select(c => (c.CaseId, c.ProvinceCode, c.FactsWanted)).ToList();
        foreach (var province in due.GroupBy(c => c.Province))
        {
            await using var scope = scopes.CreateAsyncScope();
            await FetchAsync(scope.ServiceProvider, province.Key, province.ToList(), cancellationToken);
        }
        return due.Count;
    }

    private async Task FetchAsync(IServiceProvider services, string province, List<(string CaseId, string Province, int Wanted)> cases, CancellationToken cancellationToken)
    {
        CaseFactsAnswer? answer = null;
        string? failure = null;
        // Asked before the read models' turn is taken: the call may take long, and deliveries would wait for it.
        try
        {
            answer = await services.GetRequiredService<ICaseFactsSource>().FetchAsync(province, [.. cases.Select(c => c.CaseId)], cancellationToken);
        }
        catch (CaseFactsUnavailableException ex)
        {
            failure = ex.Message;
        }
        var db = services.GetRequiredService<DisclosureDbContext>();
        var ledger = services.GetRequiredService<CaseFactsLedger>();
        using var turn = await logLock.EnterAsync(typeof(DisclosureDbContext), cancellationToken);
        using var whole = db.WithoutSavepoints();
        var ids = cases.Select(c => c.CaseId).ToList();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AppliedEventLogLock.LockAsync(db, ct);
            var now = time.GetStoredUtcNow();
            if (answer is null)
            {
                foreach (var row in await db.Cases.Where(c => ids.Contains(c.CaseId)).ToListAsync(ct)) row.FactsUnavailable(failure!, now);
            }
            else
            {
                await ledger.LoadAsync(ids, ct);
                var found = answer.Found.ToDictionary(f => f.CaseId);
                // Cases answers what it knows now; the version says which of the events that asked it covers.
                foreach (var (caseId, _, wanted) in cases)
                    await ledger.RecordAsync(caseId, found.GetValueOrDefault(caseId), wanted, now, ct);
            }
            await ledger.SaveAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        if (answer is null)
            logger.LogWarning("Case facts: cases unavailable for {Count} case(s) of {Province} ({Reason}); asking again later", cases.Count, province, failure);
        else if (answer.Unknown.Count > 0)
            logger.LogWarning("Case facts: cases knows no case {CaseIds}; recorded as unknown", answer.Unknown);
        else
            logger.LogDebug("Case facts: {Count} case(s) of {Province} fetched", cases.Count, province);
    }
}
