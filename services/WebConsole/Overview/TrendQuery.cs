using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.WebConsole.CaseList;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Overview;

/// <summary>One week of the trend, with the list of the cases received in it.</summary>
public sealed record TrendWeek(DateOnly Start, DateOnly End, int Received, int Closed, int OpenAtEnd, string ReceivedLink)
{
    public string Label => $"{Start.Month}月{Start.Day}日–{End.Month}月{End.Day}日";
}

/// <summary>
/// 趋势 for the overview: <c>CountCasesOverTime</c> by ISO week over the last <see cref="Weeks"/> weeks up to this one, for
/// the office's jurisdiction. The figures are the service's; the console only labels them.
/// </summary>
public sealed class TrendQuery(ConsoleCasesClient cases, TimeProvider time)
{
    public const int Weeks = 8;

    public async Task<IReadOnlyList<TrendWeek>> WeeksAsync(string root, CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(time.GetUtcNow());
        var from = today.AddDays(-7 * (Weeks - 1));
        var trend = await cases.CountCasesOverTimeAsync(new CountCasesOverTimeRequest
        {
            JurisdictionCode = root, From = WireDate.Format(from), To = WireDate.Format(today), Interval = TrendInterval.Week,
        }, cancellationToken: cancellationToken);
        return [.. trend.Points.Select(p =>
        {
            var (start, end) = (WireDate.Parse(p.Start)!.Value, WireDate.Parse(p.End)!.Value);
            return new TrendWeek(start, end, p.Received, p.Closed, p.OpenAtEnd,
                new CaseListFilter(root, ReceivedFrom: start, ReceivedTo: end).Url());
        })];
    }

}
