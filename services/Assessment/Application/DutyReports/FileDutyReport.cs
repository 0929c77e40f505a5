using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.DutyReports;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.DutyReports;

/// <summary>
/// A county or a department files its annual environmental-duty report; filing again for the same year replaces the
/// summary. A county's report is filed by its own office. A department's by its own staff (a handler's token whose unit
/// is the department: only those tokens name a unit) or by the office of its level, which gathers its departments' reports.
/// A city or a province files no report of its own: its counties and departments do.
/// </summary>
public sealed class FileDutyReport(AssessmentDbContext db, JurisdictionTree tree, TimeProvider time, ILogger<FileDutyReport> logger)
{
    public const string Operation = "FileDutyReport";

    public async Task<DutyReport> HandleAsync(AssessedParty party, int year, string summary, string? idempotencyKey, Actor actor,
        CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Handler);
        EnsureFiler(party, actor);
        if (idempotencyKey is not null && await db.DutyReports.AsNoTracking().FirstOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken) is { } retried)
            return retried;
        var department = party.Department ?? "";
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetStoredUtcNow();
            var report = await db.DutyReports.FirstOrDefaultAsync(r => r.Year == year && r.JurisdictionCode == party.JurisdictionCode && r.Department == department,
                cancellationToken);
            if (report is null) db.DutyReports.Add(report = DutyReport.File(party, year, summary, actor, now, idempotencyKey));
            else report.Refile(summary, actor, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("{Operation}: duty report of {Party} for {Year} filed ({Filings}) by {Role}", Operation, party.ToString(), year, report.Filings,
                    actor.Role.Name());
                return report;
            }
            catch (DbUpdateException e) when (e.IsConflict() && attempt < 3)
            {
                // Two filings at once: the later one is the report, as if it had come a moment after.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException e) when (e.IsConflict())
            {
                throw new ConcurrentChangeException("DutyReport", party.ToString(), e);
            }
        }
    }

    private void EnsureFiler(AssessedParty party, Actor actor)
    {
        var place = tree.Find(party.JurisdictionCode) ?? throw new RequestValidationException("jurisdiction_code", $"'{party.JurisdictionCode}' is not a known GB/T 2260 code");
        if (party.Department is null && place.Level != JurisdictionLevel.County)
            throw new RequestValidationException("jurisdiction_code", place.Level < JurisdictionLevel.County
                ? "a city or a province files no duty report of its own: its counties file theirs, and its departments theirs (name the department)"
                : "only counties and departments file duty reports");
        if (party.Department is not null && place.Level > JurisdictionLevel.County)
            throw new RequestValidationException("jurisdiction_code", "departments are those of a province, a city or a county");
        var own = actor.JurisdictionCode == party.JurisdictionCode
            && (actor.Is(Role.Office) || party.Department is not null && actor.Unit == party.Department);
        if (!own)
            throw new PermissionDeniedException(party.Department is null
                ? $"{Operation}: the duty report of {party.JurisdictionCode} is filed by its own office."
                : $"{Operation}: the duty report of {party.Department} is filed by that department or the office of {party.JurisdictionCode}.");
    }
}
