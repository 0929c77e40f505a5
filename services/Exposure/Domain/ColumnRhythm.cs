using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

public enum RhythmPeriod
{
    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week = 1,
    Month = 2,
}

/// <summary>The weekdays a column airs on, as a set.</summary>
[Flags]
public enum AirDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
    EveryDay = MondayToFriday | Saturday | Sunday,
}

public static class AirDaysExtensions
{
    public static AirDays Of(DayOfWeek day) => (AirDays)(1 << (((int)day + 6) % 7));

    public static bool Includes(this AirDays days, DayOfWeek day) => (days & Of(day)) != 0;

    /// <summary>ISO weekday numbers (Monday 1 … Sunday 7), as the contract carries them.</summary>
    public static IEnumerable<int> IsoNumbers(this AirDays days) => Enumerable.Range(1, 7).Where(n => (days & (AirDays)(1 << (n - 1))) != 0);

    public static AirDays FromIsoNumbers(IEnumerable<int> numbers) => numbers.Aggregate(AirDays.None, (set, n) => set | (AirDays)(1 << (n - 1)));

    public static int Count(this AirDays days) => int.PopCount((int)days);
}

/// <summary>What the office chose when opening a column; null keeps the default of its level and outlet.</summary>
public sealed record RhythmChoice(AirDays? AirDays = null, RhythmPeriod? Period = null, int? Minimum = null, DateOnly? StartDate = null,
    bool? CarriesFollowUps = null, bool HolidaysLowerMinimum = false);

/// <summary>A column's rhythm, and the defaults the work set for each level.</summary>
public sealed record ColumnRhythm(AirDays AirDays, RhythmPeriod Period, int Minimum, DateOnly StartDate, bool CarriesFollowUps, bool HolidaysLowerMinimum)
{
    /// <summary>City and county columns owe their weekly programmes from this Monday on.</summary>
    public static readonly DateOnly LocalColumnsStart = new(2017, 6, 19);

    /// <summary>
    /// The province column predates the local ones and no start is recorded for it; the first day of the official
    /// calendar is the earliest the service can count weeks from.
    /// </summary>
    public static readonly DateOnly ProvinceColumnStart = new(2017, 1, 1);

    public static ColumnRhythm DefaultFor(JurisdictionLevel level, MediaKind kind) => (level, kind) switch
    {
        // The province column airs three times a week and has left follow-ups to the cities.
        (JurisdictionLevel.Province, MediaKind.Tv) =>
            new(AirDays.Monday | AirDays.Wednesday | AirDays.Friday, RhythmPeriod.Week, 3, ProvinceColumnStart, false, false),
        (JurisdictionLevel.Province, _) => new(AirDays.MondayToFriday, RhythmPeriod.Week, 3, ProvinceColumnStart, false, false),
        // A paper prints every day; the city's main paper owes two typical problems a month, with their rectification.
        (_, MediaKind.Newspaper) => new(AirDays.EveryDay, RhythmPeriod.Month, 2, LocalColumnsStart, true, false),
        _ => new(AirDays.MondayToFriday, RhythmPeriod.Week, 3, LocalColumnsStart, true, false),
    };

    public ColumnRhythm With(RhythmChoice choice) => new(
        choice.AirDays ?? AirDays,
        choice.Period ?? Period,
        choice.Minimum ?? Minimum,
        choice.StartDate ?? StartDate,
        choice.CarriesFollowUps ?? CarriesFollowUps,
        choice.HolidaysLowerMinimum);

    /// <summary>The most programmes a period can hold, one per air day: 31 days bound a month.</summary>
    public int MaximumPerPeriod => Period == RhythmPeriod.Week ? AirDays.Count() : AirDays.Count() * 5;
}
