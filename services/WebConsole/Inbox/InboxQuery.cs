using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.CaseList;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Inbox;

/// <summary>
/// 待办 for the signed-in person: what their office or unit holds (<c>ListHeldCases</c>, asked with their own token),
/// with the working days left counted on the official calendar from today's Beijing date.
/// </summary>
public sealed class InboxQuery(ConsoleCasesClient cases, WorkingCalendar calendar, JurisdictionTree tree, TimeProvider time)
{
    public const int PageSize = 20;

    public async Task<InboxPage> PageAsync(CaseListFilter filter, string? pageToken, CancellationToken cancellationToken)
    {
        var page = await cases.ListHeldCasesAsync(filter.ToHeldRequest(PageSize, pageToken), cancellationToken: cancellationToken);
        var now = time.GetUtcNow();
        var today = BeijingTime.DateOf(now);
        return new InboxPage([.. page.Cases.Select(c => Row(c, today, now))], page.Total, page.NextPageToken);
    }

    private InboxRow Row(Case c, DateOnly today, DateTimeOffset now)
    {
        var deadline = WireDate.Parse(c.Deadline);
        var delivered = c.DeliveredAt?.ToDateTimeOffset();
        return new InboxRow(
            c.Id,
            CaseWords.Subject(c),
            CaseWords.Place(c, tree),
            CaseWords.Status(c.Status),
            CaseWords.Channel(c.Channel),
            deadline,
            deadline is { } due ? WorkingDaysLeft(today, due) : null,
            c.Overdue,
            c.DeadlineProvisional,
            delivered is { } at ? TimeZoneInfo.ConvertTime(at, BeijingTime.Zone) : null,
            delivered > now,
            c.RepeatCount,
            c.BuckPassingFlagged,
            Blank(c.ListedLeader),
            Blank(c.OwnerLeader));
    }

    /// <summary>Working days from today to the deadline (0: due today; negative: that many working days late).</summary>
    private int? WorkingDaysLeft(DateOnly today, DateOnly deadline)
    {
        try { return calendar.CountWorkingDays(today, deadline); }
        catch (CalendarRangeException) { return null; }
    }


    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
