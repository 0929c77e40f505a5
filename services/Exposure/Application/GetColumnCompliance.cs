using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Exposure.Application;

/// <summary>A column's planned and aired programmes against its minimum, per week or month, as of today in Beijing.</summary>
public sealed class GetColumnCompliance(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, WorkingCalendar calendar, TimeProvider time)
{
    public const string Operation = "GetColumnCompliance";
    /// <summary>A year of weeks at most: enough for any report, and a bound on what one request reads.</summary>
    public const int MaxDays = 366;

    public async Task<(Column Column, IReadOnlyList<PeriodCompliance> Periods)> HandleAsync(string columnId, DateOnly from, DateOnly to, Actor actor,
        CancellationToken cancellationToken)
    {
        var column = await records.FindAsync<Column>(columnId, actor, Operation, cancellationToken);
        List<FieldViolation> violations = [];
        if (to < from) violations.Add(new("to", "must not be before from"));
        if (to.DayNumber - from.DayNumber > MaxDays) violations.Add(new("to", $"must be at most {MaxDays} days after from"));
        // The periods around the range reach a month past it; the calendar must still say which days are holidays.
        if (to.AddMonths(1) > calendar.ProvisionalUntil) violations.Add(new("to", $"must be before {calendar.ProvisionalUntil.AddMonths(-1):yyyy-MM-dd}"));
        if (violations.Count > 0) throw new RequestValidationException(violations);
        var first = from.AddMonths(-1);
        var last = to.AddMonths(1);
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.ColumnId == column.Id && p.AirDate >= first && p.AirDate <= last).ToListAsync(cancellationToken);
        return (column, ColumnCompliance.Compute(column, programmes, from, to, BeijingTime.DateOf(time.GetUtcNow()), calendar));
    }
}
