using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>What the registers and draws of a level share: who acts, what the registers hold, and saving under races.</summary>
internal static class DrawRules
{
    /// <summary>The level's office or organization department keeps its registers and makes its draws.</summary>
    public static void RequireKeeper(this Actor actor, string operation) => actor.Require(operation, Role.Office, Role.Organization);

    /// <summary>The candidates a level draws from: every target within it, and the inspectors of its own register.</summary>
    public static async Task<(List<InspectionTarget> Targets, List<Inspector> Inspectors)> LoadRegistersAsync(SecondmentDbContext db, string jurisdictionCode,
        CancellationToken cancellationToken)
    {
        var prefix = DrawProcedure.SignificantPrefix(jurisdictionCode);
        var targets = await db.InspectionTargets.AsNoTracking().Where(t => t.JurisdictionCode.StartsWith(prefix)).ToListAsync(cancellationToken);
        var inspectors = await db.Inspectors.AsNoTracking().Where(i => i.JurisdictionCode == jurisdictionCode).ToListAsync(cancellationToken);
        return (targets, inspectors);
    }

    public static DrawProcedure.TargetCandidate ToCandidate(this InspectionTarget t) => new(t.Id, t.Risk, t.JurisdictionCode, t.Name);

    public static DrawProcedure.InspectorCandidate ToCandidate(this Inspector i) => new(i.Id, i.Unit, i.HomeJurisdictionCode);

    /// <summary>The pairs the inspectors of a draw met; none when there is no draw before.</summary>
    public static async Task<IReadOnlySet<(string, string)>> PairsOfAsync(SecondmentDbContext db, string? drawId, CancellationToken cancellationToken)
    {
        if (drawId is null) return new HashSet<(string, string)>();
        var draw = await db.Draws.AsNoTracking().FirstAsync(d => d.Id == drawId, cancellationToken);
        return draw.Pairs.SelectMany(p => p.Inspectors.Select(i => (i.Id, p.TargetId))).ToHashSet();
    }

    public static async Task SaveAsync(SecondmentDbContext db, string drawId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException(nameof(Draw), drawId, e);
        }
    }

    /// <summary>A page of a register ordered by id (version-7 GUIDs: the order of filing).</summary>
    public static async Task<(List<T> Rows, string NextPageToken)> PageAsync<T>(IQueryable<T> query, string list, int pageSize, string? pageToken,
        CancellationToken cancellationToken, bool newestFirst = false) where T : JurisdictionRecord
    {
        var size = pageSize is > 0 and <= 500 ? pageSize : 100;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (!PagePosition.TryDecode(pageToken, list, out _, out var after))
                throw new RequestValidationException("page_token", "is not a token this list issued");
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = newestFirst ? query.Where(r => string.Compare(r.Id, after) < 0) : query.Where(r => string.Compare(r.Id, after) > 0);
#pragma warning restore CA1309
        }

        // Ids are time-ordered (OrderedIds), so id order is the order records were made in.
        var rows = await (newestFirst ? query.OrderByDescending(r => r.Id) : query.OrderBy(r => r.Id)).Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? PagePosition.Encode(list, "", rows[size - 1].Id) : "";
        return (rows.Take(size).ToList(), next);
    }
}
