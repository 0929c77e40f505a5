using System.Diagnostics;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Logging;

namespace Ducha.Exposure.Application;

/// <summary>
/// The column's office records that a programme went out: its problems are exposed, each one's follow-up is owed from
/// now, and each is owed a case in Cases — ordered in this transaction and opened by <see cref="CaseOpener"/>, so the
/// airing is recorded whether Cases is up or not.
/// </summary>
public sealed class RecordAiring(ExposureDbContext db, JurisdictionRecords<ExposureDbContext> records, JurisdictionTree tree, WorkingCalendar calendar,
    EventOutbox<ExposureDbContext> outbox, CaseOpener opener, TimeProvider time, ILogger<RecordAiring> logger)
{
    public const string Operation = "RecordAiring";

    public async Task<Programme> HandleAsync(string programmeId, DateTimeOffset airedAt, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office);
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken)
            ?? throw new EntityNotFoundException("Programme", programmeId);
        records.EnsureWithin(actor, programme.JurisdictionCode, Operation);
        var column = await db.RequireAsync(programme.ColumnId, cancellationToken);
        column.EnsureManagedBy(actor, Operation);
        var problems = await db.Exposures.Where(p => programme.ExposureIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var now = time.GetStoredUtcNow();
        airedAt = StoredTime.Truncate(airedAt);
        var exposed = programme.RecordAiring(airedAt, actor, problems, tree, calendar, now);
        foreach (var problem in exposed)
        {
            var duty = problem.FollowUp!;
            db.CaseOpenings.Add(CaseOpening.For(problem, actor, Activity.Current?.Id, now));
            outbox.Add(new ProblemExposed(problem.Id, column.Id, programme.Id, column.JurisdictionCode, problem.PlaceJurisdictionCode, problem.Polluter,
                problem.PollutionType.ToString(), airedAt, duty.JurisdictionCode, duty.Unit, duty.Deadline));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            // Two offices' clerks recording the same airing at once: the first stands, as a second record would.
            throw new DomainRuleException("The programme's airing was just recorded by another request.");
        }
        logger.LogInformation("Programme {ProgrammeId} aired at {AiredAt:O}: {Exposed} problems exposed", programme.Id, airedAt, exposed.Count);
        opener.Nudge();
        return programme;
    }
}
