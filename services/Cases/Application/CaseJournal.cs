using Ducha.Persistence;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.Outbox;

namespace Ducha.Cases.Application;

/// <summary>
/// One unit of work on cases: every change is written with its history link and its events in the same transaction,
/// so the chain, the state and what other services hear never disagree. The links and events are only ever appended, so
/// they go to the save past EF's change tracker (<see cref="PendingAppends"/>); the case itself is tracked.
/// </summary>
public sealed class CaseJournal(CasesDbContext db, EventOutbox<CasesDbContext> outbox, TimeProvider time) : IDisposable
{
    // Last links read because a case's row did not know its head (Case.KnowsHistoryHead).
    private readonly Dictionary<string, CaseTransition> _last = [];
    private readonly PendingAppends _appends = PendingAppends.Attach(db);
    // The links handed to the save under way (or the one that just failed), to tell a lost COMMIT from a lost race.
    private readonly List<CaseTransition> _appended = [];

    // Compiled once: every change to a case runs the first two, and EF would otherwise walk and hash each expression per call.
    private static readonly PerModel<Func<CasesDbContext, string, CancellationToken, Task<Case?>>> CaseById = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string id, CancellationToken _) => db.Cases.FirstOrDefault(c => c.Id == id)));
    private static readonly PerModel<Func<CasesDbContext, string, IAsyncEnumerable<CaseAssignment>>> HopsOf = new(() =>
        EF.CompileAsyncQuery<CasesDbContext, string, CaseAssignment>((db, id) => db.Assignments.Where(a => a.CaseId == id).OrderBy(a => a.Hop)));
    private static readonly PerModel<Func<CasesDbContext, string, CancellationToken, Task<CaseTransition?>>> LastLinkOf = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string id, CancellationToken _) =>
            db.Transitions.Where(t => t.CaseId == id).OrderByDescending(t => t.Sequence).FirstOrDefault()));

    public CasesDbContext Db => db;
    public DateTimeOffset Now { get; private set; } = time.GetStoredUtcNow();

    /// <summary>Judges this unit of work at <paramref name="now"/>: the deadline watch fixes one moment per pass.</summary>
    public CaseJournal At(DateTimeOffset now)
    {
        Now = now;
        return this;
    }

    /// <summary>The Beijing date of <see cref="Now"/>: deadlines and verification dates are Beijing dates.</summary>
    public DateOnly Today => Reference.Calendar.BeijingTime.DateOf(Now);

    public async Task<Case> LoadAsync(string caseId, CancellationToken cancellationToken) =>
        await CaseById.For(db)(db, caseId, cancellationToken) ?? throw new EntityNotFoundException("Case", caseId);

    public async Task<AssignmentChain> ChainAsync(Case @case, CancellationToken cancellationToken) =>
        new(await HopsOf.For(db)(db, @case.Id).ToListAsync(cancellationToken), @case.Round);

    /// <summary>Appends a link to the case's hash chain.</summary>
    public async Task RecordAsync(Case @case, string action, CaseStatus? before, CaseActor actor, string? reason, CancellationToken cancellationToken)
    {
        await PreloadAsync(@case, cancellationToken);
        Record(@case, action, before, actor, reason);
    }

    /// <summary>
    /// Loads the case's last link if its row does not know it (<see cref="Case.KnowsHistoryHead"/>), so
    /// <see cref="Record"/> can append without a round trip.
    /// </summary>
    public async Task PreloadAsync(Case @case, CancellationToken cancellationToken)
    {
        if (@case.KnowsHistoryHead || _last.ContainsKey(@case.Id)) return;
        if (await LastLinkOf.For(db)(db, @case.Id, cancellationToken) is { } last)
            _last[@case.Id] = last;
    }

    /// <summary>The last links of many cases in one query, for a batch that changes them all in one unit of work.</summary>
    public async Task PreloadAsync(IReadOnlyCollection<Case> cases, CancellationToken cancellationToken)
    {
        var ids = cases.Where(c => !c.KnowsHistoryHead).Select(c => c.Id).Where(id => !_last.ContainsKey(id)).ToList();
        if (ids.Count == 0) return;
        var links = await db.Transitions
            .Where(t => ids.Contains(t.CaseId) && t.Sequence == db.Transitions.Where(u => u.CaseId == t.CaseId).Max(u => u.Sequence))
            .ToListAsync(cancellationToken);
        foreach (var link in links) _last[link.CaseId] = link;
    }

    /// <summary>Appends a link to a case's chain; a case whose row does not know its head must have been preloaded.</summary>
    public void Record(Case @case, string action, CaseStatus? before, CaseActor actor, string? reason)
    {
        var link = @case.AppendHistory(action, before, actor, reason, Now, _last.GetValueOrDefault(@case.Id));
        Append(link);
        _appended.Add(link);
    }

    public void Publish<TEvent>(TEvent integrationEvent) where TEvent : IIntegrationEvent => Append(outbox.Prepare(integrationEvent).Message);

    private void Append<T>(T row) where T : class
    {
        // The first row since the last save opens a new unit: the previous save's links are settled, one way or the other.
        if (_appends.IsEmpty) _appended.Clear();
        _appends.Add(row);
    }

    /// <summary>The next number of a per-case record (reports, measures, supervision…), counting rows not yet saved.</summary>
    public async Task<int> NextNumberAsync<T>(string caseId, CancellationToken cancellationToken) where T : class, ICaseRecord =>
        await db.Set<T>().CountAsync(r => r.CaseId == caseId, cancellationToken)
        + db.ChangeTracker.Entries<T>().Count(e => e.State == EntityState.Added && e.Entity.CaseId == caseId) + 1;

    /// <summary>
    /// Commits. Two requests acting on one case at the same moment both try to append the same link of its chain; the
    /// chain's key lets only one in, and the other is refused whole instead of half-applied.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (_appended.Count > 0 && ex.IsConflict())
        {
            if (await AlreadyStoredAsync(cancellationToken)) return;
            throw new ConcurrentChangeException("Case", string.Join(", ", _appended.Select(l => l.CaseId).Distinct()), ex);
        }
    }

    /// <summary>
    /// PostgreSQL's connection can drop after COMMIT was sent and before it was acknowledged (the server killed or
    /// restarted); the retrying execution strategy then runs the same unit of work again and collides with its own rows.
    /// Each link it appended is then stored with its hash, which no other request can produce: the work is done, and the
    /// caller must hear so, not that "nothing was stored".
    /// </summary>
    private async Task<bool> AlreadyStoredAsync(CancellationToken cancellationToken)
    {
        var appended = _appended.ToList();
        foreach (var link in appended)
        {
            var stored = await db.Transitions.AsNoTracking().Where(t => t.CaseId == link.CaseId && t.Sequence == link.Sequence)
                .Select(t => t.Hash).FirstOrDefaultAsync(cancellationToken);
            if (stored != link.Hash) return false;
        }
        if (appended.Count == 0) return false;
        db.ChangeTracker.AcceptAllChanges();
        return true;
    }

    /// <summary>Drops everything pending, so a unit of work that lost a race can start again from the stored state.</summary>
    public void Reset()
    {
        db.ChangeTracker.Clear();
        _appends.Clear();
        _appended.Clear();
        _last.Clear();
    }

    public void Dispose() => _appends.Detach(db);
}
