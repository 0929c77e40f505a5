using Ducha.Contracts.Exposure.V1;
using Ducha.Reference.Calendar;
using Ducha.WebConsole.Calls;
using Grpc.Core;

namespace Ducha.WebConsole.Exposure;

/// <summary>One of the office's columns with where it stands this week (or month).</summary>
public sealed record ColumnCard(Column Column, MediaOutlet? Outlet, PeriodStanding? Standing);

/// <summary>曝光's first page: the office's own columns, and how many follow-ups it owes (overdue among them).</summary>
public sealed record ExposureOverview(IReadOnlyList<ColumnCard> Columns, bool MoreColumns, int OpenFollowUps, int OverdueFollowUps, bool MoreFollowUps);

/// <summary>Reads 曝光's first page for the signed-in office: <c>ListColumns</c>, each column's current period, <c>ListFollowUps</c>.</summary>
public sealed class ExposureHomeQuery(ConsoleExposureClient exposure, TimeProvider time)
{
    public const int Shown = 50;

    public async Task<ExposureOverview> LoadAsync(CancellationToken cancellationToken)
    {
        var today = WireDate.Format(BeijingTime.DateOf(time.GetUtcNow()));
        var followUps = exposure.ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = Shown }, cancellationToken: cancellationToken).ResponseAsync;
        var page = await exposure.ListColumnsAsync(new ListColumnsRequest { PageSize = Shown }, cancellationToken: cancellationToken);
        var standings = await Task.WhenAll(page.Columns.Select(c => StandingAsync(c, today, cancellationToken)));
        var cards = page.Columns.Select((c, i) => new ColumnCard(c, page.MediaOutlets.FirstOrDefault(o => o.Id == c.MediaOutletId), standings[i])).ToList();
        var owed = await followUps;
        return new ExposureOverview(cards, page.NextPageToken.Length > 0, owed.Exposures.Count,
            owed.Exposures.Count(p => p.FollowUpState == FollowUpState.Overdue), owed.NextPageToken.Length > 0);
    }

    private async Task<PeriodStanding?> StandingAsync(Column column, string today, CancellationToken cancellationToken)
    {
        try
        {
            var compliance = await exposure.GetColumnComplianceAsync(new GetColumnComplianceRequest { ColumnId = column.Id, From = today, To = today },
                cancellationToken: cancellationToken);
            return compliance.Periods.Count == 0 ? null
                : PeriodStanding.From(compliance.Periods[0], column.Period, ExposureWords.ParseDate(today)!.Value);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            return null;
        }
    }
}
