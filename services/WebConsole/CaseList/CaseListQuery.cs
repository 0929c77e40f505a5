using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Inbox;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.CaseList;

/// <summary>One case in a list, as a clerk scans it: what and where, its state, when it came in, its deadline and flags.</summary>
public sealed record CaseListRow(string CaseId, string Subject, string Place, string Status, string Channel, string Pollution,
    DateTimeOffset? ReceivedAt, string Deadline, bool Overdue, int RepeatCount, bool BuckPassing);

public sealed record CaseListPage(IReadOnlyList<CaseListRow> Rows, int Total, string NextPageToken);

/// <summary>A page of <c>ListCases</c> with the signed-in person's token, newest first, in the list's words.</summary>
public sealed class CaseListQuery(ConsoleCasesClient cases, JurisdictionTree tree)
{
    public const int PageSize = 20;

    public async Task<CaseListPage> PageAsync(CaseListFilter filter, string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        var page = await cases.ListCasesAsync(filter.ToRequest(pageSize, pageToken), cancellationToken: cancellationToken);
        return new CaseListPage([.. page.Cases.Select(Row)], page.Total, page.NextPageToken);
    }

    public CaseListRow Row(Case c) => new(
        c.Id,
        CaseWords.Subject(c),
        CaseWords.Place(c, tree),
        CaseWords.Status(c.Status),
        CaseWords.Channel(c.Channel),
        IntakeChoices.Pollution(c.PollutionType),
        c.ReceivedAt is { } at ? TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone) : null,
        WireDate.Parse(c.Deadline) is { } due
            ? due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—",
        c.Overdue,
        c.RepeatCount,
        c.BuckPassingFlagged);

}
