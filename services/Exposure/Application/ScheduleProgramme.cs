using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>An office plans a programme of its own column: an air date and the problems it shows.</summary>
public sealed class ScheduleProgramme(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "ScheduleProgramme";

    public async Task<Programme> HandleAsync(string columnId, DateOnly airDate, IReadOnlyList<string> exposureIds, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var column = await db.RequireAsync(columnId, cancellationToken);
        records.EnsureWithin(actor, column.JurisdictionCode, Operation);
        column.EnsureManagedBy(actor, Operation);
        // A retry answers with what the first request planned, before the slot it took refuses it.
        if (idempotencyKey is not null && await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, cancellationToken)
                is { } earlier)
            return earlier.ColumnId == column.Id ? earlier
                : throw new RequestValidationException("idempotency_key", "was already used for a programme of another column");
        var ids = exposureIds.Distinct(StringComparer.Ordinal).ToList();
        var problems = await db.Exposures.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        // One the caller may not see is as unknown to it as one that does not exist: its existence is not disclosed.
        var unknown = ids.Except(problems.Where(p => p.CanSee(actor, tree)).Select(p => p.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new RequestValidationException("exposure_ids", $"no proposed problem has id {string.Join(", ", unknown)}");
        var taken = await db.Programmes.AnyAsync(p => p.ColumnId == column.Id && p.AirDate == airDate, cancellationToken);
        var programme = Programme.Schedule(column, airDate, [.. ids.Select(id => problems.Single(p => p.Id == id))], taken, actor, idempotencyKey,
            time.GetStoredUtcNow());
        try
        {
            return await records.FileAsync(programme, actor, Operation, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Another request took the slot between the check above and this save: the same refusal, not a failure.
            db.ChangeTracker.Clear();
            if (await db.Programmes.AnyAsync(p => p.ColumnId == column.Id && p.AirDate == airDate, cancellationToken))
                throw new DomainRuleException($"The column already has a programme on {airDate:yyyy-MM-dd}.", "air_date");
            throw;
        }
    }
}
