using Ducha.Persistence;
using Ducha.Cases.Application.Units;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application;

/// <summary>
/// The cases an actor may see (<see cref="CaseAccess"/>), for one case and for lists. A case the actor may not see is
/// refused as outside their reach, and the refusal is logged with both sides. Every use case on cases comes here, so this
/// is also where a handler's unit is checked against its jurisdiction's register (<see cref="UnitRegisters"/>), once a request.
/// </summary>
public sealed class VisibleCases(CasesDbContext db, JurisdictionTree tree, UnitRegisters units, ILogger<VisibleCases> logger)
{
    // Compiled once: every read of a case runs these two, and EF would otherwise walk and hash the expression each time.
    private static readonly PerModel<Func<CasesDbContext, string, CancellationToken, Task<Case?>>> CaseById = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string id, CancellationToken _) => db.Cases.AsNoTracking().FirstOrDefault(c => c.Id == id)));
    private static readonly PerModel<Func<CasesDbContext, string, IAsyncEnumerable<CaseAssignment>>> HopsOf = new(() =>
        EF.CompileAsyncQuery((CasesDbContext db, string id) => db.Assignments.AsNoTracking().Where(a => a.CaseId == id)));

    /// <summary>The case with every hop of every round, loaded for a change by <paramref name="actor"/>.</summary>
    public async Task<(Case Case, AssignmentChain Chain)> LoadAsync(CaseJournal journal, string caseId, Actor actor, string action, CancellationToken cancellationToken)
    {
        await units.EnsureUnitOfAsync(actor, action, acting: true, cancellationToken);
        var @case = await journal.LoadAsync(caseId, cancellationToken);
        var chain = await journal.ChainAsync(@case, cancellationToken);
        EnsureVisible(@case, chain, actor, action);
        return (@case, chain);
    }

    /// <summary>
    /// Many cases with their chains, loaded for a change by <paramref name="actor"/> in two queries; a case not found is
    /// absent, and each found one must still pass <see cref="EnsureVisible"/> before it is changed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (Case Case, AssignmentChain Chain)>> LoadManyAsync(IReadOnlyCollection<string> caseIds, Actor actor,
        string action, CancellationToken cancellationToken)
    {
        await units.EnsureUnitOfAsync(actor, action, acting: true, cancellationToken);
        var found = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var hops = (await db.Assignments.Where(a => caseIds.Contains(a.CaseId)).OrderBy(a => a.Hop).ToListAsync(cancellationToken)).ToLookup(a => a.CaseId);
        return found.ToDictionary(c => c.Id, c => (c, new AssignmentChain(hops[c.Id].ToList(), c.Round)), StringComparer.Ordinal);
    }

    /// <summary>The case for reading only.</summary>
    public async Task<Case> FindAsync(string caseId, Actor actor, string action, CancellationToken cancellationToken)
    {
        await units.EnsureUnitOfAsync(actor, action, acting: false, cancellationToken);
        // One connection for both reads: EF would open and close one around each (PostgreSQL; a SQLite store keeps its open).
        await db.Database.OpenConnectionAsync(cancellationToken);
        Case @case;
        var hops = new List<CaseAssignment>();
        try
        {
            @case = await CaseById.For(db)(db, caseId, cancellationToken) ?? throw new EntityNotFoundException("Case", caseId);
            // An office's sight needs no chain: one statement, not two (each pays SQLite's parse and a read lock).
            if (actor.SeesByChain())
                await foreach (var hop in HopsOf.For(db)(db, caseId).WithCancellation(cancellationToken)) hops.Add(hop);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var chain = new AssignmentChain(hops, @case.Round);
        EnsureVisible(@case, chain, actor, action);
        return @case;
    }

    /// <summary>
    /// For reading: the cases <paramref name="actor"/> may see about a place in <paramref name="root"/>'s subtree, which must
    /// be within the actor's reach.
    /// </summary>
    public async Task<IQueryable<Case>> WithinAsync(string root, Actor actor, string action, CancellationToken cancellationToken)
    {
        EnsureWithin(root, actor, action);
        await units.EnsureUnitOfAsync(actor, action, acting: false, cancellationToken);
        return For(actor, root);
    }

    /// <summary>Every case <paramref name="actor"/> may see.</summary>
    private IQueryable<Case> For(Actor actor)
    {
        var cases = db.Cases.AsNoTracking();
        if (actor.AsParty() is { IsOffice: false } unit)
        {
            var (code, name) = (unit.JurisdictionCode, unit.Unit);
            return cases.Where(c => db.Assignments.Any(a => a.CaseId == c.Id && a.ToJurisdictionCode == code && a.ToUnit == name));
        }
        var prefix = SubtreePrefix(actor.JurisdictionCode);
        return cases.Where(c => c.ReachedJurisdictionCode.StartsWith(prefix));
    }

    /// <summary>Of those, the cases about a place in <paramref name="root"/>'s subtree; a subtree is a code prefix, one indexed LIKE.</summary>
    private IQueryable<Case> For(Actor actor, string root)
    {
        var prefix = SubtreePrefix(root);
        return For(actor).Where(c => c.JurisdictionCode.StartsWith(prefix));
    }

    /// <summary>Refused unless <paramref name="code"/> is the actor's jurisdiction or lies under it; an unknown code is bad input.</summary>
    public void EnsureWithin(string code, Actor actor, string action, string field = "jurisdiction_code") =>
        tree.EnsureWithin(actor, code, action, logger, field);

    /// <summary>Refused (and logged) unless <paramref name="actor"/> may change <paramref name="case"/> where its chain stands.</summary>
    public void EnsureVisible(Case @case, AssignmentChain chain, Actor actor, string action)
    {
        if (@case.CanSee(actor, chain, tree)) return;
        Deny(actor, action, $"case {@case.Id}");
        throw new PermissionDeniedException(tree.IsWithin(@case.JurisdictionCode, actor.JurisdictionCode)
            ? $"{action}: case {@case.Id} has not reached the caller ({actor.AsParty()}) on its handling chain."
            : $"{action}: jurisdiction {@case.JurisdictionCode} is outside the caller's jurisdiction {actor.JurisdictionCode}.");
    }

    private string SubtreePrefix(string code) => code[..tree.Get(code).PrefixLength];

    private void Deny(Actor actor, string action, string target) =>
        logger.LogWarning("Denied {Action} on {Target} to {Caller}", action, target, actor.ToString());
}
