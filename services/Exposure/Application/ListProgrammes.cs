using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

public sealed record ProgrammeListing(IReadOnlyList<Programme> Programmes, IReadOnlyList<ExposureProblem> Problems, ListPosition? Next);

/// <summary>
/// A column's programmes between two air dates, by air date, with the problems they show: a week's or a month's
/// schedule as its office plans it. To those who may read the column.
/// </summary>
public sealed class ListProgrammes(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree)
{
    public const string Operation = "ListProgrammes";
    /// <summary>A year of air dates at most, as compliance asks: a bound on what one request reads.</summary>
    public const int MaxDays = GetColumnCompliance.MaxDays;

    public async Task<ProgrammeListing> HandleAsync(string columnId, DateOnly from, DateOnly to, int pageSize, ListPosition? after, Actor actor,
        CancellationToken cancellationToken)
    {
        var column = await records.FindAsync<Column>(columnId, actor, Operation, cancellationToken);
        if (to < from) throw new RequestValidationException("to", "must not be before from");
        if (to.DayNumber - from.DayNumber > MaxDays) throw new RequestValidationException("to", $"must be at most {MaxDays} days after from");
        var query = db.Programmes.AsNoTracking().Where(p => p.ColumnId == column.Id && p.AirDate >= from && p.AirDate <= to);
        // A column has one programme a day at most, so the air date alone says where a page ended.
        if (after?.Date is { } last) query = query.Where(p => p.AirDate > last);
        var rows = await query.OrderBy(p => p.AirDate).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var ids = page.SelectMany(p => p.ExposureIds).Distinct().ToList();
        var problems = await db.Exposures.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? new ListPosition(page[^1].AirDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page[^1].Id) : (ListPosition?)null;
        return new ProgrammeListing(page, [.. problems.Where(p => p.CanSee(actor, tree)).OrderBy(p => p.Id, StringComparer.Ordinal)], next);
    }
}
