using Ducha.Reference.Jurisdictions;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>
/// Who reads and who acts on secondments. The organization department and the office read a cadre or a term when their
/// reach covers the cadre's home jurisdiction or the level seconded to; they act (second, end, plan a rotation, grade
/// for the office) only as the level seconded to.
/// </summary>
public sealed class SecondmentReach(SecondmentDbContext db, JurisdictionTree tree, ILogger<SecondmentReach> logger)
{
    public static void EnsureRole(Actor actor, string operation) => actor.Require(operation, Role.Organization, Role.Office);

    /// <summary>The level's own organization department or office: a level acts on its own secondments.</summary>
    public void EnsureActsFor(Actor actor, string levelCode, string operation)
    {
        EnsureRole(actor, operation);
        if (actor.JurisdictionCode == levelCode) return;
        logger.LogWarning("Denied {Operation} on {Level} to {Caller}: not that level", operation, levelCode, actor.ToString());
        throw new PermissionDeniedException($"{operation}: only the organization department or the office of {levelCode} acts on its secondments.");
    }

    public void EnsureReads(Actor actor, string operation, params IEnumerable<string> codes)
    {
        EnsureRole(actor, operation);
        if (codes.Any(code => tree.IsWithin(code, actor.JurisdictionCode))) return;
        logger.LogWarning("Denied {Operation} to {Caller}: outside its reach", operation, actor.ToString());
        throw new PermissionDeniedException($"{operation}: neither the cadre's home jurisdiction nor the level seconded to is within {actor.JurisdictionCode}.");
    }

    public async Task<SecondmentTerm> FindTermAsync(string id, bool tracked, CancellationToken cancellationToken)
    {
        var terms = tracked ? db.Secondments : db.Secondments.AsNoTracking();
        return await terms.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Secondment", id);
    }

    public async Task<Cadre> FindCadreAsync(string id, string field, CancellationToken cancellationToken, bool tracked = false) =>
        await (tracked ? db.Cadres : db.Cadres.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new EntityNotFoundException("Cadre", id);

    /// <summary>The term of <paramref name="cadreId"/> that shares a day with start..end, other than <paramref name="except"/>.</summary>
    public async Task<SecondmentTerm?> OverlappingAsync(string cadreId, DateOnly start, DateOnly end, string? except, CancellationToken cancellationToken)
    {
        var candidates = await db.Secondments.AsNoTracking().Where(s => s.CadreId == cadreId && s.StartDate <= end && s.Id != except)
            .ToListAsync(cancellationToken);
        return candidates.Where(s => s.Overlaps(start, end)).OrderBy(s => s.StartDate).FirstOrDefault();
    }

    public Jurisdiction Jurisdiction(string code) => tree.Get(code);

    public bool IsWithin(string code, string ancestor) => tree.IsWithin(code, ancestor);

    public string LevelOf(string code) => tree.Find(code)?.Level.ToString().ToLowerInvariant() ?? "unknown";
}
