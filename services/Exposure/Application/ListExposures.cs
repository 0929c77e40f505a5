using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>Where a proposed problem stands on its column's schedule.</summary>
public enum ExposureStage
{
    /// <summary>In no programme yet: what a programme can still be scheduled with.</summary>
    Proposed = 1,
    /// <summary>In a programme that has not aired yet.</summary>
    Scheduled = 2,
    Aired = 3,
}

/// <summary>
/// The problems proposed for a column, newest first (ids are version-7 GUIDs, so they sort as filed), at one stage or
/// all: to those who may read the column — its office and those above it, never a sibling. The places concerned are not
/// among them: they learn of a problem once it aired, through their follow-ups.
/// </summary>
public sealed class ListExposures(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records)
{
    public const string Operation = "ListExposures";

    public async Task<(IReadOnlyList<ExposureProblem> Problems, ListPosition? Next)> HandleAsync(string columnId, ExposureStage? stage, int pageSize,
        ListPosition? after, Actor actor, CancellationToken cancellationToken)
    {
        var column = await records.FindAsync<Column>(columnId, actor, Operation, cancellationToken);
        var query = db.Exposures.AsNoTracking().Where(p => p.ColumnId == column.Id);
        if (stage is ExposureStage.Aired) query = query.Where(p => p.AiredAt != null);
        else if (stage is { } waiting)
        {
            // A problem waits in a programme until that airs (an airing exposes all its problems); the programmes not
            // aired yet are a column's coming days, few enough to read whole.
            var scheduled = (await db.Programmes.AsNoTracking().Where(p => p.ColumnId == column.Id && p.AiredAt == null)
                .Select(p => p.ExposureIds).ToListAsync(cancellationToken)).SelectMany(ids => ids).Distinct().ToList();
            query = query.Where(p => p.AiredAt == null);
            query = waiting == ExposureStage.Scheduled ? query.Where(p => scheduled.Contains(p.Id)) : query.Where(p => !scheduled.Contains(p.Id));
        }
        if (after is { Id: var lastId })
        {
            // Translated to SQL (the database orders ids, not .NET culture); EF cannot translate the StringComparison overloads.
#pragma warning disable CA1309
            query = query.Where(p => string.Compare(p.Id, lastId) < 0);
#pragma warning restore CA1309
        }
        var rows = await query.OrderByDescending(p => p.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize ? new ListPosition(ListPosition.NoKey, page[^1].Id) : null);
    }
}
