using Ducha.Contracts.Exposure.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Inbox;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Exposure;

/// <summary>An aired problem whose follow-up an office owes, as 待回访 shows it: where, aired by whom and when, how long is left.</summary>
public sealed record FollowUpRow(ExposureProblem Problem, string Place, string AiredBy, DateTimeOffset? AiredAt, DateOnly? Deadline, int? WorkingDaysLeft)
{
    public FollowUpState State => Problem.FollowUpState;

    public bool Overdue => State == FollowUpState.Overdue;

    public string StateText => ExposureWords.FollowUp(State);

    /// <summary>The words beside the deadline, as 待办 says them: overdue in words, not only in red.</summary>
    public string DeadlineText => DeadlineWords.Describe(Deadline, WorkingDaysLeft, Overdue);

    public string Subject => string.IsNullOrWhiteSpace(Problem.Polluter) ? Problem.Address : Problem.Polluter;
}

public sealed record FollowUpList(IReadOnlyList<FollowUpRow> Rows, string NextPageToken);

/// <summary>A follow-up's own page: the problem, and — for the owing office — the columns its broadcast may go out on.</summary>
public sealed record FollowUpSheet(FollowUpRow Row, bool Owes, IReadOnlyList<Column> BroadcastColumns);

/// <summary>
/// 待回访 for the signed-in office (<c>ListFollowUps</c>, asked with their own token), with the working days left counted
/// on the official calendar from today's Beijing date; and one follow-up (<c>GetExposure</c>) with what its form needs.
/// </summary>
public sealed class FollowUpsQuery(ConsoleExposureClient exposure, WorkingCalendar calendar, JurisdictionTree tree, TimeProvider time)
{
    public const int PageSize = 20;

    public async Task<FollowUpList> PageAsync(bool completed, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await exposure.ListFollowUpsAsync(new ListFollowUpsRequest { Completed = completed, PageSize = pageSize, PageToken = pageToken ?? string.Empty },
            cancellationToken: cancellationToken);
        var today = BeijingTime.DateOf(time.GetUtcNow());
        return new FollowUpList([.. page.Exposures.Select(p => Row(p, today))], page.NextPageToken);
    }

    /// <summary>The problem if this person may see it; null when the service will not show it (or it does not exist).</summary>
    public async Task<FollowUpSheet?> OneAsync(string id, SignedInPerson person, CancellationToken cancellationToken)
    {
        if (await exposure.GetExposureAsync(new GetExposureRequest { Id = id }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync() is not { } problem)
            return null;
        var owes = person.Role == Ducha.BuildingBlocks.Role.Office && problem.FollowUpJurisdictionCode == person.JurisdictionCode;
        IReadOnlyList<Column> columns = [];
        if (owes)
        {
            var own = await exposure.ListColumnsAsync(new ListColumnsRequest { PageSize = 200 }, cancellationToken: cancellationToken);
            columns = [.. own.Columns.Where(c => c.CarriesFollowUps)];
        }
        return new FollowUpSheet(Row(problem, BeijingTime.DateOf(time.GetUtcNow())), owes, columns);
    }

    private FollowUpRow Row(ExposureProblem p, DateOnly today)
    {
        var deadline = ExposureWords.ParseDate(p.FollowUpDeadline);
        var aired = p.AiredAt?.ToDateTimeOffset() is { } at ? TimeZoneInfo.ConvertTime(at, BeijingTime.Zone) : (DateTimeOffset?)null;
        var place = tree.Find(p.PlaceJurisdictionCode) is { } node ? $"{SignedInPerson.FullName(tree, node.Code)} {p.Address}" : p.Address;
        var airedBy = tree.Find(p.JurisdictionCode) is null ? p.JurisdictionCode : SignedInPerson.FullName(tree, p.JurisdictionCode) + "263办公室";
        return new FollowUpRow(p, place, airedBy, aired, deadline, deadline is { } due ? WorkingDaysLeft(today, due) : null);
    }

    private int? WorkingDaysLeft(DateOnly today, DateOnly deadline)
    {
        try { return calendar.CountWorkingDays(today, deadline); }
        catch (CalendarRangeException) { return null; }
    }
}
