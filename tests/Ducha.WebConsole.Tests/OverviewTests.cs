using System.Text.Json;
using Ducha.Contracts.Cases.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.WebConsole.Tests;

/// <summary>总览 as a city office sees it: its numbers are CountCases's, and each links to exactly the cases it counts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OverviewTests(ConsoleFixture host)
{
    // Anhui, away from the places other tests fill.
    private const string Anhui = "340000", Hefei = "340100", Shushan = "340104", Baohe = "340111";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private CasesClient As(string code) => new(host.As(code));

    /// <summary>One line of the overview table as the page shows it: its place (empty for the office's own level) and its cells.</summary>
    private sealed record TableRow(string Code, bool Total, Dictionary<string, int> Cells);

    private async Task<Case> ReceivedAsync(string place, string polluter) => await As(Anhui).CreateCaseAsync(new CreateCaseRequest
    {
        JurisdictionCode = place, Address = "某路 8 号", Polluter = polluter, PollutionType = PollutionType.Water,
        Description = "向河道排放污水", Channel = Channel.MayorMailbox,
    });

    private async Task<Case> AtAsync(string place, string polluter)
    {
        var received = await ReceivedAsync(place, polluter);
        var atCity = await As(Anhui).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Hefei, WorkingDays = 10 });
        return place == Hefei ? atCity
            : await As(Hefei).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = place, WorkingDays = 9 });
    }

    /// <summary>Cases in 蜀山区 and 包河区 and at the city's own level; one repeated, one bounced twice (推诿扯皮).</summary>
    private async Task SceneAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var repeated = await AtAsync(Shushan, "蜀山某电镀厂" + tag);
        await AtAsync(Shushan, "蜀山某洗车场" + tag);
        await ReceivedAsync(Shushan, "蜀山某电镀厂" + tag);
        var bounced = await AtAsync(Baohe, "包河某养殖场" + tag);
        await As(Baohe).ReturnCaseAsync(new ReturnCaseRequest { CaseId = bounced.Id, Reason = "非本区职责" });
        await As(Hefei).AssignDownAsync(new AssignDownRequest { CaseId = bounced.Id, ToJurisdictionCode = Baohe, WorkingDays = 9 });
        await As(Baohe).ReturnCaseAsync(new ReturnCaseRequest { CaseId = bounced.Id, Reason = "仍非本区职责" });
        await AtAsync(Hefei, "合肥某搅拌站" + tag);
        Assert.Equal(1, (await As(Hefei).GetCaseAsync(new GetCaseRequest { Id = repeated.Id })).RepeatCount);
    }

    private static async Task<List<TableRow>> ReadTableAsync(IPage page) =>
        JsonSerializer.Deserialize<List<TableRow>>(await page.EvaluateAsync<string>("""
            () => JSON.stringify(Array.from(document.querySelectorAll('table[data-chart-source] tbody tr, table[data-chart-source] tfoot tr')).map(r => ({
              code: r.getAttribute('data-code') || '', total: r.classList.contains('total'),
              cells: Object.fromEntries(Array.from(r.querySelectorAll('td[data-value]')).map(td => [td.dataset.status || td.dataset.field, Number(td.dataset.value)]))
            })))
            """), Web)!;

    private static int Cell(JurisdictionCaseCount c, string key) => key switch
    {
        "total" => c.Total, "overdue" => c.Overdue, "Received" => c.Received, "Assigned" => c.Assigned, "Returned" => c.Returned,
        "Reported" => c.Reported, "SentBack" => c.SentBack, "Verified" => c.Verified, "Closed" => c.Closed, "Reopened" => c.Reopened, "buck" => c.BuckPassing,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    [Fact]
    public async Task The_overviews_numbers_equal_CountCases_and_a_drill_down_lists_exactly_the_cases_counted()
    {
        await SceneAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync([Anhui, Hefei], "陈总览");
        await page.GetByRole(AriaRole.Link, new() { Name = "总览" }).ClickAsync();
        await Assertions.Expect(page.Locator("#overview-chart")).ToHaveAttributeAsync("data-chart-ready", "8");

        var table = await ReadTableAsync(page);
        var counts = (await As(Hefei).CountCasesAsync(new CountCasesRequest { JurisdictionCode = Hefei })).Counts;
        Assert.Contains(table, r => r.Code == Shushan && r.Cells["total"] == 2);
        foreach (var row in table)
        {
            // A county's row holds the counts of its code (the tree goes no lower), the office's own level those of the city's code.
            var mine = counts.Where(c => row.Total || c.JurisdictionCode == (row.Code.Length == 0 ? Hefei : row.Code)).ToList();
            foreach (var key in row.Cells.Keys)
                Assert.True(mine.Sum(c => Cell(c, key)) == row.Cells[key], $"{row.Code} {key}: page {row.Cells[key]}, CountCases {mine.Sum(c => Cell(c, key))}");
        }
        var buckTotal = (await As(Hefei).ListCasesAsync(new ListCasesRequest { JurisdictionCode = Hefei, BuckPassingOnly = true, PageSize = 1 })).Total;
        Assert.Equal(buckTotal, table.Single(r => r.Total).Cells["buck"]);
        Assert.True(buckTotal >= 1);
        await Assertions.Expect(page.Locator("[data-focus='repeated'] li").First).ToContainTextAsync("重复举报");
        await Assertions.Expect(page.Locator("[data-focus='buck-passing'] li").First).ToContainTextAsync("推诿扯皮");
        await page.ScreenshotAsync("overview-1366x768");
        await page.AssertNoSeriousViolationsAsync();

        // Drill down from 蜀山区's 已交办 cell: the list holds exactly the cases ListCases gives for the same filter.
        var cell = page.Locator($"table[data-chart-source] tr[data-code='{Shushan}'] td[data-status='Assigned']");
        var counted = int.Parse(await cell.GetAttributeAsync("data-value") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await cell.GetByRole(AriaRole.Link).ClickAsync();
        await page.ArrivesAtAsync($"**/cases?jurisdiction={Shushan}&status=Assigned");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", counted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var listed = await page.Locator("tr[data-case-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.caseId)");
        var expected = (await As(Hefei).ListCasesAsync(new ListCasesRequest { JurisdictionCode = Shushan, Status = CaseStatus.Assigned, PageSize = 200 })).Cases.Select(c => c.Id);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(counted, listed.Length);
        await page.ScreenshotAsync("cases-list-1366x768");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_bar_of_the_chart_opens_the_list_behind_it_and_the_page_passes_axe_on_a_phone()
    {
        await SceneAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync([Anhui, Hefei], "褚总览");
        await page.GotoAsync("/overview");
        var chart = page.Locator("#overview-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "8");

        // The centre of 包河区's 已退回 segment, from the chart's own layout.
        var rowIndex = await page.Locator("table[data-chart-source] tbody tr").EvaluateAllAsync<int>($"rows => rows.findIndex(r => r.dataset.code === '{Baohe}')");
        var point = await chart.EvaluateAsync<double[]>($"c => {{ const bar = Chart.getChart(c).getDatasetMeta(2).data[{rowIndex}]; return [(bar.x + bar.base) / 2, bar.y]; }}");
        var box = (await chart.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));

        await page.ArrivesAtAsync($"**/cases?jurisdiction={Baohe}&status=Returned");
        await Assertions.Expect(page.Locator("tr[data-case-id]").First).ToContainTextAsync("推诿扯皮");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/overview");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "8");
        await page.ScreenshotAsync("overview-390");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_weekly_trend_equals_CountCasesOverTime_and_a_weeks_received_number_lists_those_cases()
    {
        await SceneAsync();
        var page = await host.NewPageAsync();
        await page.SignInAsync([Anhui, Hefei], "蒋趋势");
        await page.GotoAsync("/overview");
        await Assertions.Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-chart-ready", "3");

        var weeks = await page.Locator("table[data-trend-source] tbody tr").EvaluateAllAsync<string[][]>("""
            rows => rows.map(r => [r.dataset.week, ...['received', 'closed', 'open'].map(k => r.querySelector(`td[data-series="${k}"]`).dataset.value)])
            """);
        var thisWeek = weeks[^1];
        var trend = await As(Hefei).CountCasesOverTimeAsync(new CountCasesOverTimeRequest
        {
            JurisdictionCode = Hefei, From = thisWeek[0], To = thisWeek[0], Interval = TrendInterval.Week,
        });
        var point = Assert.Single(trend.Points);
        Assert.Equal(8, weeks.Length);
        Assert.Equal([point.Start, $"{point.Received}", $"{point.Closed}", $"{point.OpenAtEnd}"], thisWeek);
        Assert.True(point.Received >= 5);

        await page.Locator($"table[data-trend-source] tr[data-week='{thisWeek[0]}'] td[data-series='received'] a").ClickAsync();
        await page.ArrivesAtAsync($"**/cases?jurisdiction={Hefei}&from={point.Start}&to={point.End}");
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", thisWeek[1]);
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("登记");
    }

    [Theory]
    [InlineData("/cases?to=2024-13-01")]
    [InlineData("/cases?status=Nonsense")]
    [InlineData("/cases?repeat=-1")]
    [InlineData("/cases?jurisdiction=999999")]
    [InlineData("/cases?jurisdiction=110000")]
    [InlineData("/cases?page=not-a-token")]
    public async Task An_odd_list_address_is_answered_on_the_page_not_with_an_error_status(string address)
    {
        var page = await host.NewPageAsync();
        await page.SignInAsync([Anhui, Hefei], "卫总览");

        var response = await page.GotoAsync(address);

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    }
}
