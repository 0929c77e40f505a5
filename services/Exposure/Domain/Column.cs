using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>
/// A column (栏目) an outlet runs for exposures, with its rhythm kept as data: the days it airs, the minimum it owes per
/// week or month, when it started, and whether it carries follow-ups. The office of the outlet's jurisdiction owns it.
/// </summary>
public sealed class Column : JurisdictionRecord
{
    public required string MediaOutletId { get; init; }
    public required string Name { get; init; }
    public AirDays AirDays { get; init; }
    public RhythmPeriod Period { get; init; }
    /// <summary>Programmes (for a newspaper: typical problems) owed per period.</summary>
    public int Minimum { get; init; }
    public DateOnly StartDate { get; init; }
    public bool CarriesFollowUps { get; init; }
    /// <summary>Off by default: a public holiday on an air day does not excuse a programme unless the column says so.</summary>
    public bool HolidaysLowerMinimum { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    /// <summary>
    /// Opens a column on <paramref name="outlet"/>. Only the office of the outlet's own jurisdiction may: a level runs its
    /// own columns, and neither a sibling nor the level above opens one in its name.
    /// </summary>
    public static Column Open(MediaOutlet outlet, JurisdictionLevel level, string name, RhythmChoice choice, Actor actor,
        string? idempotencyKey, DateTimeOffset now)
    {
        EnsureOwnOffice(outlet.JurisdictionCode, actor, "CreateColumn");
        var rhythm = ColumnRhythm.DefaultFor(level, outlet.Kind).With(choice);
        if (rhythm.AirDays == AirDays.None)
            throw new DomainRuleException("A column needs at least one air day.", "air_days");
        if (rhythm.Minimum > rhythm.MaximumPerPeriod)
            throw new DomainRuleException($"A minimum of {rhythm.Minimum} cannot be aired on {rhythm.MaximumPerPeriod} air days a {rhythm.Period.ToString().ToLowerInvariant()}.", "minimum");
        return new Column
        {
            JurisdictionCode = outlet.JurisdictionCode,
            MediaOutletId = outlet.Id,
            Name = name.Trim(),
            AirDays = rhythm.AirDays,
            Period = rhythm.Period,
            Minimum = rhythm.Minimum,
            StartDate = rhythm.StartDate,
            CarriesFollowUps = rhythm.CarriesFollowUps,
            HolidaysLowerMinimum = rhythm.HolidaysLowerMinimum,
            CreatedAt = now,
            CreatedBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Whether a programme may go out on <paramref name="date"/>: one of its weekdays, on or after its start.</summary>
    public bool AirsOn(DateOnly date) => date >= StartDate && AirDays.Includes(date.DayOfWeek);

    /// <summary>Scheduling and proposing are the column's own office's work; offices above read, they do not plan for it.</summary>
    public void EnsureManagedBy(Actor actor, string operation) => EnsureOwnOffice(JurisdictionCode, actor, operation);

    private static void EnsureOwnOffice(string jurisdictionCode, Actor actor, string operation)
    {
        actor.Require(operation, Role.Office);
        if (actor.JurisdictionCode != jurisdictionCode)
            throw new PermissionDeniedException($"{operation}: only the office of {jurisdictionCode} manages its columns, not {actor.JurisdictionCode}.");
    }
}
