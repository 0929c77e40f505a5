using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>A programme (一期节目): one air date of a column and the problems it shows.</summary>
public sealed class Programme : JurisdictionRecord
{
    public required string ColumnId { get; init; }
    public DateOnly AirDate { get; init; }
    public List<string> ExposureIds { get; init; } = [];
    public DateTimeOffset ScheduledAt { get; init; }
    public required string ScheduledBy { get; init; }
    public DateTimeOffset? AiredAt { get; private set; }
    public string? AiredBy { get; private set; }

    /// <summary>
    /// Plans a programme on <paramref name="airDate"/> with <paramref name="problems"/>: only on a day the column airs,
    /// once a day, and only with problems proposed for this column.
    /// </summary>
    public static Programme Schedule(Column column, DateOnly airDate, IReadOnlyList<ExposureProblem> problems, bool dateTaken, Actor actor,
        string? idempotencyKey, DateTimeOffset now)
    {
        column.EnsureManagedBy(actor, "ScheduleProgramme");
        if (airDate < column.StartDate)
            throw new DomainRuleException($"The column started on {column.StartDate:yyyy-MM-dd}; {airDate:yyyy-MM-dd} is before it.", "air_date");
        if (!column.AirsOn(airDate))
            throw new DomainRuleException(
                $"The column does not air on {airDate:yyyy-MM-dd} ({airDate.DayOfWeek}); it airs on {string.Join(", ", column.AirDays.IsoNumbers().Select(IsoName))}.",
                "air_date");
        if (dateTaken)
            throw new DomainRuleException($"The column already has a programme on {airDate:yyyy-MM-dd}.", "air_date");
        var foreign = problems.Where(p => p.ColumnId != column.Id || !p.JurisdictionCode.Equals(column.JurisdictionCode, StringComparison.Ordinal)).ToList();
        if (foreign.Count > 0)
            throw new DomainRuleException($"Problems {string.Join(", ", foreign.Select(p => p.Id))} were not proposed for this column or lie outside its jurisdiction.",
                "exposure_ids");
        return new Programme
        {
            JurisdictionCode = column.JurisdictionCode,
            ColumnId = column.Id,
            AirDate = airDate,
            ExposureIds = [.. problems.Select(p => p.Id)],
            ScheduledAt = now,
            ScheduledBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>
    /// Records that the programme went out, marking its problems aired and fixing who owes each one's follow-up by when.
    /// Not in the future, not before its air date, and only once: a second record would move the date every follow-up
    /// deadline counts from. Answers the problems this airing exposed (one aired before keeps its first airing).
    /// </summary>
    public IReadOnlyList<ExposureProblem> RecordAiring(DateTimeOffset at, Actor actor, IReadOnlyList<ExposureProblem> problems, JurisdictionTree tree,
        WorkingCalendar calendar, DateTimeOffset now)
    {
        if (AiredAt is not null)
            throw new DomainRuleException($"The programme already aired at {AiredAt:O}.");
        if (at > now)
            throw new RequestValidationException("aired_at", $"{at:O} is in the future; record an airing once it has gone out");
        var airedOn = BeijingTime.DateOf(at);
        if (airedOn < AirDate)
            throw new DomainRuleException($"The programme is planned for {AirDate:yyyy-MM-dd}; it cannot have aired before.", "aired_at");
        var exposed = problems.Where(p => ExposureIds.Contains(p.Id) && p.AiredAt is null)
            .Select(p => (Problem: p, Duty: FollowUpDuty.Of(p, airedOn, tree, calendar))).ToList();
        // Stored in UTC like every instant, so airings compare and sort as instants whatever offset the caller wrote.
        AiredAt = at.ToUniversalTime();
        AiredBy = actor.Subject;
        foreach (var (problem, duty) in exposed) problem.MarkAired(AiredAt.Value, duty);
        return [.. exposed.Select(e => e.Problem)];
    }

    private static string IsoName(int n) => ((DayOfWeek)(n % 7)).ToString();
}
