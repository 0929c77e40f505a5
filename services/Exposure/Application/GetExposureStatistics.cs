using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>Each level tallies its exposures — by type, place, month and reason — its follow-up discipline and its columns' rhythm.</summary>
public sealed class GetExposureStatistics(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, WorkingCalendar calendar,
    TimeProvider time)
{
    public const string Operation = "GetExposureStatistics";
    public const int MaxDays = 366;

    public async Task<ExposureStatistics> HandleAsync(string root, DateOnly from, DateOnly to, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Discipline, Role.Assessor, Role.Admin);
        if (tree.Find(root) is null) throw new RequestValidationException("jurisdiction_code", $"'{root}' is not a known GB/T 2260 code");
        List<FieldViolation> violations = [];
        if (to < from) violations.Add(new("to", "must not be before from"));
        if (to.DayNumber - from.DayNumber > MaxDays) violations.Add(new("to", $"must be at most {MaxDays} days after from"));
        if (to.AddMonths(1) > calendar.ProvisionalUntil) violations.Add(new("to", $"must be before {calendar.ProvisionalUntil.AddMonths(-1):yyyy-MM-dd}"));
        if (violations.Count > 0) throw new RequestValidationException(violations);
        records.EnsureWithin(actor, root, Operation);
        // Airing times are instants; a day's margin either side keeps every problem aired on a Beijing date in range.
        var after = BeijingTime.StartOf(from).AddDays(-1);
        var before = BeijingTime.StartOf(to).AddDays(2);
        var aired = await db.Exposures.AsNoTracking().Where(p => p.AiredAt >= after && p.AiredAt < before).ToListAsync(cancellationToken);
        var columns = await db.Columns.AsNoTracking().ToListAsync(cancellationToken);
        var mine = columns.Where(c => tree.IsWithin(c.JurisdictionCode, root)).Select(c => c.Id).ToList();
        var first = from.AddMonths(-1);
        var last = to.AddMonths(1);
        var programmes = await db.Programmes.AsNoTracking().Where(p => mine.Contains(p.ColumnId) && p.AirDate >= first && p.AirDate <= last)
            .ToListAsync(cancellationToken);
        // Reports are few (a city a month) and their problems live in one JSON column: filtered by place and date in memory.
        var reports = await db.AccountabilityReports.AsNoTracking().ToListAsync(cancellationToken);
        return ExposureStatistics.Compute(root, aired, columns, programmes, reports, from, to, BeijingTime.DateOf(time.GetUtcNow()), tree, calendar);
    }
}
