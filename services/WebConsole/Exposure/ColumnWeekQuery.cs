using Ducha.Contracts.Exposure.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Exposure;

/// <summary>One day of a column's week: whether it airs, what the official calendar says of it, and its programme.</summary>
public sealed record WeekDay(DateOnly Date, bool Airs, string? CalendarNote, bool IsToday, Programme? Programme, IReadOnlyList<ExposureProblem> Problems)
{
    public DateTimeOffset? AiredAt => Programme?.AiredAt?.ToDateTimeOffset() is { } at ? TimeZoneInfo.ConvertTime(at, BeijingTime.Zone) : null;
}

/// <summary>A column's week Monday to Sunday (Beijing dates): its days, its standing against the minimum, its problems waiting.</summary>
public sealed record ColumnWeek(Column Column, MediaOutlet? Outlet, string Office, bool Manages, DateOnly Monday, DateOnly Today,
    IReadOnlyList<WeekDay> Days, IReadOnlyList<PeriodStanding> Standings, IReadOnlyList<ExposureProblem> Proposed, bool MoreProposed)
{
    public DateOnly Sunday => Monday.AddDays(6);
}

/// <summary>Reads a column's week for the signed-in person: the column, its compliance, its programmes and, for its office, the problems to schedule.</summary>
public sealed class ColumnWeekQuery(ConsoleExposureClient exposure, WorkingCalendar calendar, JurisdictionTree tree, TimeProvider time)
{
    public const int ProposedShown = 50;

    /// <summary>The week that holds <paramref name="week"/> (any yyyy-MM-dd), or this week; null when the column is not this person's to see.</summary>
    public async Task<ColumnWeek?> LoadAsync(string columnId, string? week, SignedInPerson person, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(time.GetUtcNow());
        var monday = MondayOf(ExposureWords.ParseDate(week) ?? today);
        if (await exposure.GetColumnAsync(new GetColumnRequest { Id = columnId }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync() is not { } column)
            return null;
        var manages = person.Role == Ducha.BuildingBlocks.Role.Office && person.JurisdictionCode == column.JurisdictionCode;
        var outlet = exposure.GetMediaOutletAsync(new GetMediaOutletRequest { Id = column.MediaOutletId }, cancellationToken: cancellationToken).ResponseAsync;
        var programmes = exposure.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = WireDate.Format(monday), To = WireDate.Format(monday.AddDays(6)), PageSize = 7 },
            cancellationToken: cancellationToken).ResponseAsync;
        var proposed = manages
            ? exposure.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, Stage = ExposureStage.Proposed, PageSize = ProposedShown },
                cancellationToken: cancellationToken).ResponseAsync
            : Task.FromResult(new ExposurePage());
        var standings = await StandingsAsync(column, monday, today, cancellationToken);
        var page = await programmes;
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(date =>
        {
            var programme = page.Programmes.FirstOrDefault(p => p.AirDate == WireDate.Format(date));
            var problems = programme is null ? [] : page.Exposures.Where(e => programme.ExposureIds.Contains(e.Id)).ToList();
            return new WeekDay(date, Airs(column, date), Note(date), date == today, programme, problems);
        }).ToList();
        var waiting = await proposed;
        return new ColumnWeek(column, await OutletOrNull(outlet), SignedInPerson.FullName(tree, column.JurisdictionCode) + "263办公室", manages, monday, today,
            days, standings, waiting.Exposures, waiting.NextPageToken.Length > 0);
    }

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static bool Airs(Column column, DateOnly date) =>
        (ExposureWords.ParseDate(column.StartDate) is not { } start || date >= start) && column.AirDays.Contains((Weekday)(((int)date.DayOfWeek + 6) % 7 + 1));

    private async Task<IReadOnlyList<PeriodStanding>> StandingsAsync(Column column, DateOnly monday, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            var compliance = await exposure.GetColumnComplianceAsync(new GetColumnComplianceRequest { ColumnId = column.Id, From = WireDate.Format(monday), To = WireDate.Format(monday.AddDays(6)) },
                cancellationToken: cancellationToken);
            return [.. compliance.Periods.Select(p => PeriodStanding.From(p, column.Period, today))];
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            // A week past what the official calendar can count: the days still show, the standing does not.
            return [];
        }
    }

    /// <summary>What the official calendar says of a day: a public holiday off, or a weekend worked in its stead.</summary>
    private string? Note(DateOnly date)
    {
        try
        {
            var day = calendar.GetDay(date);
            if (!day.Working && day.Name is { } holiday) return $"{holiday}（休）";
            return day.Working && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "调休上班" : null;
        }
        catch (CalendarRangeException)
        {
            return null;
        }
    }

    private static async Task<MediaOutlet?> OutletOrNull(Task<MediaOutlet> outlet)
    {
        try { return await outlet; }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied) { return null; }
    }
}
