using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>An office opens a column on one of its own jurisdiction's outlets; unset rhythm fields take its level's defaults.</summary>
public sealed class CreateColumn(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, WorkingCalendar calendar,
    TimeProvider time)
{
    public const string Operation = "CreateColumn";

    public async Task<Column> HandleAsync(string mediaOutletId, string name, RhythmChoice choice, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var outlet = await db.MediaOutlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == mediaOutletId, cancellationToken)
            ?? throw new RequestValidationException("media_outlet_id", $"no media outlet has id '{mediaOutletId}'");
        // A sibling's outlet is outside the caller's reach: refused and logged as every reach refusal is.
        records.EnsureWithin(actor, outlet.JurisdictionCode, Operation);
        // Compliance counts holidays on the official calendar, which begins here; an earlier start could not be counted.
        if (choice.StartDate is { } start && start < calendar.FirstDate)
            throw new RequestValidationException("start_date", $"must be on or after {calendar.FirstDate:yyyy-MM-dd}, where the official calendar begins");
        var column = Column.Open(outlet, tree.Get(outlet.JurisdictionCode).Level, name, choice, actor, idempotencyKey, time.GetStoredUtcNow());
        return await records.FileAsync(column, actor, Operation, cancellationToken);
    }
}
