using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>
/// Disclosure's read models, fed by cases' events and by what it asks cases: per jurisdiction and period the cases that
/// came into its hands and where they stand, and per case its public facts — never a reporter, never a name.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DisclosureReadModelTests(StandaloneFixture host)
{
    [Fact]
    public async Task A_countys_summary_counts_the_cases_that_came_into_its_hands_and_where_they_stand_with_people_held_by_rank()
    {
        var steps = new DisclosureSteps(host, "320481", "溧阳市");
        var cityBefore = (await steps.SummaryAsync(DisclosureSteps.City)).Transferred;

        var closed = await steps.ClosedAsync();
        await steps.HoldAccountableAsync(closed.Id);
        var atUnit = await steps.AtUnitAsync();
        var receivedByCounty = await steps.CountyOffice.CreateCaseAsync(steps.Complaint());
        var keptByCity = await steps.ProvinceOffice.CreateCaseAsync(steps.Complaint());
        await steps.ProvinceOffice.AssignDownAsync(new AssignDownRequest { CaseId = keptByCity.Id, ToJurisdictionCode = DisclosureSteps.City, WorkingDays = 10 });

        var county = await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 3 && s.PeopleHeld == 2 && s.FactsPending == 0);
        var city = await steps.SummaryWhenAsync(DisclosureSteps.City, s => s.Transferred == cityBefore + 4);

        Assert.Equal((3, 2, 1, 0), (county.Transferred, county.InHand, county.Closed, county.Overdue));
        Assert.Equal((2, 1, 0), (county.PeopleHeld, county.PeopleExempted, county.FactsPending));
        Assert.Equal([(CadreRank.Division, Sanction.Criticism, 1, 0), (CadreRank.Section, Sanction.Admonition, 1, 1)],
            county.Accountability.Select(a => (a.Rank, a.Sanction, a.Held, a.Exempted)));
        Assert.Equal((steps.County, DisclosureSteps.Today, DisclosureSteps.Today), (county.JurisdictionCode, county.From, county.To));
        Assert.Equal(cityBefore + 4, city.Transferred);
        Assert.Equal(new[] { atUnit.Id, closed.Id, receivedByCounty.Id }.Order(), (await steps.ListAsync(steps.County)).Select(c => c.CaseId).Order());
    }

    [Fact]
    public async Task The_case_list_shows_public_facts_with_the_findings_cases_accepted_and_never_a_reporter_or_a_name()
    {
        var steps = new DisclosureSteps(host, "320412", "武进区");
        var reporter = new Reporter { Name = "欧阳晓晨", Phone = "13705191234", Address = "武进区湖塘镇某小区12幢" };
        var closed = await steps.ClosedAsync(steps.Complaint(reporter));
        await steps.HoldAccountableAsync(closed.Id);

        var disclosed = await steps.DisclosedWhenAsync(closed.Id, c => c.Status == CaseStatus.Closed && !c.FactsPending && c.Accountability.Count == 2);

        Assert.NotNull(disclosed);
        Assert.Equal((steps.County, DisclosureSteps.City, steps.County), (disclosed.JurisdictionCode, disclosed.CityCode, disclosed.CountyCode));
        Assert.Equal((Ducha.Contracts.Cases.V1.PollutionType.Water, Ducha.Contracts.Cases.V1.Channel.InspectionTeam), (disclosed.PollutionType, disclosed.Channel));
        Assert.Equal((closed.Address, closed.Polluter, closed.Description), (disclosed.Address, disclosed.Polluter, disclosed.Description));
        var report = DisclosureSteps.Findings(closed.Id);
        Assert.Equal((report.Findings, report.Result, Rectification.Completed), (disclosed.Findings, disclosed.Result, disclosed.Rectification));
        Assert.NotNull(disclosed.ClosedAt);
        // Received by the province, then assigned to the city and to the county: it came into each level's hands in turn.
        Assert.Equal([DisclosureSteps.Province, DisclosureSteps.City, steps.County], disclosed.Transfers.Select(t => t.JurisdictionCode));
        Assert.Equal(disclosed.Transfers.Select(t => t.At).OrderBy(t => t), disclosed.Transfers.Select(t => t.At));
        Assert.Equal(disclosed.Transfers[2].At, disclosed.TransferredAt);
        Assert.Equal(disclosed.ReceivedAt, disclosed.Transfers[0].At);
        Assert.Equal([(CadreRank.Division, Sanction.Criticism, 1, 0), (CadreRank.Section, Sanction.Admonition, 1, 1)],
            disclosed.Accountability.Select(a => (a.Rank, a.Sanction, a.Held, a.Exempted)));
        var wire = JsonFormatter.Default.Format(disclosed);
        foreach (var secret in new[] { reporter.Name, reporter.Phone, reporter.Address, "赵某甲", "孙某乙", "李某丙", "副局长", "刻意隐瞒" })
            Assert.DoesNotContain(secret, wire);
    }

    [Fact]
    public async Task The_list_pages_in_the_order_cases_came_in_without_repeating_one_and_an_office_can_mark_one_typical()
    {
        var steps = new DisclosureSteps(host, "320411", "新北区");
        var filed = new List<string>();
        for (var i = 0; i < 5; i++) filed.Add((await steps.CountyOffice.CreateCaseAsync(steps.Complaint())).Id);
        await Ducha.Testing.Eventually.UntilAsync(() => steps.ListAsync(steps.County), l => l.Count == 5, TimeSpan.FromSeconds(30));

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MarkTypicalCase>().HandleAsync(filed[3], true, Office(steps.County), CancellationToken.None);
        var paged = await steps.ListAsync(steps.County, pageSize: 2);
        await using var other = host.Services.CreateAsyncScope();
        var sibling = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            other.ServiceProvider.GetRequiredService<MarkTypicalCase>().HandleAsync(filed[0], true, Office("320412"), CancellationToken.None));

        Assert.Equal(filed, paged.Select(c => c.CaseId));
        Assert.Equal([false, false, false, true, false], paged.Select(c => c.Typical));
        Assert.Contains("320412", sibling.Message);
    }

    [Fact]
    public async Task A_case_is_overdue_while_its_holder_is_past_the_deadline_and_no_longer_once_it_moves_on()
    {
        var steps = new DisclosureSteps(host, "320413", "金坛区");
        var atUnit = await steps.AtUnitAsync();
        await steps.DisclosedWhenAsync(atUnit.Id, c => c.Status == CaseStatus.Assigned);

        // Long after the unit's deadline, the deadline watch announces it overdue.
        await host.DeadlineWatch.SweepAsync(new DateTimeOffset(2024, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), CancellationToken.None);
        var overdue = await steps.SummaryWhenAsync(steps.County, s => s.Overdue == 1);
        await steps.Handler.ReportHandlingAsync(DisclosureSteps.Findings(atUnit.Id));
        var reported = await steps.DisclosedWhenAsync(atUnit.Id, c => c.Status == CaseStatus.Reported);

        Assert.Equal(1, overdue.Overdue);
        Assert.NotNull(reported);
        Assert.Equal((false, true), (reported.Overdue, reported.WasOverdue));
        Assert.Equal(0, (await steps.SummaryAsync(steps.County)).Overdue);
    }

    public static TheoryData<string, string> ForeignJurisdictions => new()
    {
        { "320412", "320400" },   // a county asks about its city
        { "320412", "320481" },   // a county asks about a sibling
        { "320400", "320500" },   // a city asks about another city
    };

    [Theory]
    [MemberData(nameof(ForeignJurisdictions))]
    public async Task An_office_reads_only_its_own_jurisdiction_and_those_below_it(string caller, string asked)
    {
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As(caller));

        var summary = await Assert.ThrowsAsync<RpcException>(() => disclosure.GetCaseSummaryAsync(new GetCaseSummaryRequest
        {
            JurisdictionCode = asked, From = DisclosureSteps.Today, To = DisclosureSteps.Today,
        }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => disclosure.ListDisclosedCasesAsync(new ListDisclosedCasesRequest
        {
            JurisdictionCode = asked, From = DisclosureSteps.Today, To = DisclosureSteps.Today,
        }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (summary.StatusCode, list.StatusCode));
    }

    [Fact]
    public async Task Only_offices_read_the_read_models()
    {
        var handler = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.AsUnit("320481", "溧阳市生态环境局"));

        var error = await Assert.ThrowsAsync<RpcException>(() => handler.GetCaseSummaryAsync(new GetCaseSummaryRequest
        {
            JurisdictionCode = "320481", From = DisclosureSteps.Today, To = DisclosureSteps.Today,
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Theory]
    [InlineData("12", "2024-09-01", "2024-09-30", "jurisdiction_code")]
    [InlineData("999999", "2024-09-01", "2024-09-30", "jurisdiction_code")]
    [InlineData("320400", "", "2024-09-30", "from")]
    [InlineData("320400", "2024-09-31", "2024-09-30", "from")]
    [InlineData("320400", "2024-09-01", "30/09/2024", "to")]
    [InlineData("320400", "2024-09-30", "2024-09-01", "to")]
    [InlineData("320400", "2023-01-01", "2024-09-30", "to")]
    public async Task Bad_input_is_refused_naming_the_field(string jurisdiction, string from, string to, string field)
    {
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As("320000"));

        var summary = await Assert.ThrowsAsync<RpcException>(() => disclosure.GetCaseSummaryAsync(new GetCaseSummaryRequest
        {
            JurisdictionCode = jurisdiction, From = from, To = to,
        }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => disclosure.ListDisclosedCasesAsync(new ListDisclosedCasesRequest
        {
            JurisdictionCode = jurisdiction, From = from, To = to,
        }).ResponseAsync);

        Assert.All([summary, list], error =>
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.StartsWith($"Invalid request: {field}:", error.Status.Detail);
        });
    }

    [Theory]
    [InlineData(201, "", "page_size")]
    [InlineData(-1, "", "page_size")]
    [InlineData(10, "not-a-token", "page_token")]
    public async Task A_bad_page_is_refused_naming_the_field(int pageSize, string pageToken, string field)
    {
        var disclosure = new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As("320000"));

        var error = await Assert.ThrowsAsync<RpcException>(() => disclosure.ListDisclosedCasesAsync(new ListDisclosedCasesRequest
        {
            JurisdictionCode = "320400", From = DisclosureSteps.Today, To = DisclosureSteps.Today, PageSize = pageSize, PageToken = pageToken,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"Invalid request: {field}:", error.Status.Detail);
    }

    [Fact]
    public async Task The_summary_and_the_list_answer_over_REST_too()
    {
        var steps = new DisclosureSteps(host, "320481", "溧阳市");
        var rest = new RestCaller(host.Http, host.Tokens.Issue(DisclosureSteps.City, "office", "test-rest"));
        var today = DisclosureSteps.Today;

        var summary = await rest.GetAsync($"/v1/jurisdictions/{DisclosureSteps.City}/case-summary?from={today}&to={today}");
        var list = await rest.GetAsync($"/v1/jurisdictions/{steps.County}/disclosed-cases?from={today}&to={today}&pageSize=1");
        var refused = await rest.GetAsync($"/v1/jurisdictions/{DisclosureSteps.City}/case-summary?from={today}&to=2023-01-01");

        Assert.Equal(System.Net.HttpStatusCode.OK, summary.Status);
        Assert.Equal(DisclosureSteps.City, summary.Text("jurisdictionCode"));
        Assert.Equal(System.Net.HttpStatusCode.OK, list.Status);
        Assert.True(list.Body.GetProperty("cases").GetArrayLength() <= 1);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["to"], refused.ViolatedFields());
    }

    private static Actor Office(string jurisdiction) => new($"test-office-{jurisdiction}", Role.Office, jurisdiction, jurisdiction.EndsWith("00", StringComparison.Ordinal) ? "city" : "county");
}
