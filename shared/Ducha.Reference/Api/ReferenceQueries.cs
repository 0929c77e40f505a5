using System.Globalization;
using System.Text.RegularExpressions;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Reference.Api;

/// <summary>Why a reference question has no answer, and which HTTP/gRPC status says so.</summary>
public sealed class ReferenceQueryException(bool notFound, string field, string message) : Exception(message)
{
    public bool NotFound { get; } = notFound;
    public string Field { get; } = field;
}

/// <summary>The checks and answers shared by the REST and gRPC surfaces, so both refuse the same input the same way.</summary>
public sealed partial class ReferenceQueries(JurisdictionTree tree, WorkingCalendar calendar)
{
    public const int MaxWorkingDays = 3660;

    public Jurisdiction Jurisdiction(string? code)
    {
        if (code is null || !CodePattern().IsMatch(code))
            throw new ReferenceQueryException(false, "code", $"code '{code}' is not a 6-digit GB/T 2260 code.");
        return tree.Find(code) ?? throw new ReferenceQueryException(true, "code", $"No jurisdiction has code '{code}'.");
    }

    public IReadOnlyList<Jurisdiction> Children(string? code) => tree.Children(Jurisdiction(code).Code);

    public CalendarDay Day(string? date) => Covered(() => calendar.GetDay(ParseDate(date, "date")), "date");

    /// <summary>The date, and whether it was counted over provisional days.</summary>
    public (DateOnly Date, bool Provisional) AddWorkingDays(string? from, int days)
    {
        var start = ParseDate(from, "from");
        if (days is < 0 or > MaxWorkingDays)
            throw new ReferenceQueryException(false, "days", $"days must be between 0 and {MaxWorkingDays}.");
        // A start outside the calendar is the from parameter's fault; a count that runs past its end is the days parameter's.
        Covered(() => calendar.GetDay(start), "from");
        var date = Covered(() => calendar.AddWorkingDays(start, days), "days");
        return (date, calendar.IsProvisional(date));
    }

    private static T Covered<T>(Func<T> answer, string field)
    {
        try { return answer(); }
        catch (CalendarRangeException ex) { throw new ReferenceQueryException(false, field, ex.Message); }
    }

    private static DateOnly ParseDate(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ReferenceQueryException(false, field, $"{field} '{text}' is not a date in the form yyyy-MM-dd.");

    public static string LevelName(JurisdictionLevel level) => level.ToString().ToLowerInvariant();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex CodePattern();
}
