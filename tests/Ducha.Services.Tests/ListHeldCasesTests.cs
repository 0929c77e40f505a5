using System.Net;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>待办: what an office or a unit holds now, nearest deadline first, paged by position.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ListHeldCasesTests(StandaloneFixture host)
{
    // 无锡市 and its 滨湖区, used by no other test of this host, so the lists hold only what these tests put there.
    private const string Wuxi = "320200", Binhu = "320211", Huishan = "320206", Xinwu = "320214";
    private const string BinhuBureau = "滨湖区生态环境局";

    private CasesClient As(string code) => new(host.As(code));

    private Task<Case> AtBinhuAsync(int workingDays) => AtCountyAsync(Binhu, workingDays);

    private async Task<Case> AtCountyAsync(string county, int workingDays)
    {
        var received = await As("320000").CreateCaseAsync(CasesApiTests.ValidCase(county));
        await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Wuxi, WorkingDays = 10 });
        return await As(Wuxi).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = county, WorkingDays = workingDays });
    }

    [Fact]
    public async Task An_office_lists_what_it_holds_nearest_deadline_first_page_by_page_and_a_sibling_sees_none_of_it()
    {
        var later = await AtBinhuAsync(15);
        var soonest = await AtBinhuAsync(9);
        var middle = await AtBinhuAsync(12);
        var mine = new[] { soonest.Id, middle.Id, later.Id };

        var ids = new List<string>();
        var request = new ListHeldCasesRequest { PageSize = 2 };
        CasePage page;
        do
        {
            page = await As(Binhu).ListHeldCasesAsync(request);
            Assert.True(page.Cases.Count <= 2);
            ids.AddRange(page.Cases.Select(c => c.Id));
            request.PageToken = page.NextPageToken;
        } while (page.NextPageToken.Length > 0);

        Assert.Equal(mine, ids.Where(mine.Contains));
        Assert.Equal(ids.Count, page.Total);
        var deadlines = (await As(Binhu).ListHeldCasesAsync(new ListHeldCasesRequest { PageSize = 200 })).Cases.Select(c => c.Deadline).ToList();
        Assert.Equal(deadlines.Order(StringComparer.Ordinal), deadlines);
        Assert.DoesNotContain((await As(Huishan).ListHeldCasesAsync(new ListHeldCasesRequest())).Cases, c => mine.Contains(c.Id));
        // The city passed them on: they are no longer its to do.
        Assert.DoesNotContain((await As(Wuxi).ListHeldCasesAsync(new ListHeldCasesRequest { PageSize = 200 })).Cases, c => mine.Contains(c.Id));
    }

    [Fact]
    public async Task Cases_not_yet_given_a_deadline_come_after_the_dated_ones_and_paging_crosses_from_one_to_the_other()
    {
        var undated = new[] { await As(Huishan).CreateCaseAsync(CasesApiTests.ValidCase(Huishan)), await As(Huishan).CreateCaseAsync(CasesApiTests.ValidCase(Huishan)) };
        var dated = new List<Case>();
        foreach (var days in new[] { 14, 9 })
        {
            var received = await As("320000").CreateCaseAsync(CasesApiTests.ValidCase(Huishan));
            await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Wuxi, WorkingDays = 10 });
            dated.Add(await As(Wuxi).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Huishan, WorkingDays = days }));
        }

        var ids = new List<string>();
        var request = new ListHeldCasesRequest { PageSize = 1 };
        CasePage page;
        do
        {
            page = await As(Huishan).ListHeldCasesAsync(request);
            ids.AddRange(page.Cases.Select(c => c.Id));
            request.PageToken = page.NextPageToken;
        } while (page.NextPageToken.Length > 0);

        Assert.Equal(page.Total, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal([dated[1].Id, dated[0].Id, .. undated.Select(c => c.Id).Order(StringComparer.Ordinal)],
            ids.Where(id => dated.Any(d => d.Id == id) || undated.Any(u => u.Id == id)));
        Assert.Equal(undated.Select(c => c.Id).Order(StringComparer.Ordinal), ids.TakeLast(2));
    }

    [Fact]
    public async Task A_handler_lists_its_units_cases_and_the_office_no_longer_does()
    {
        var atCounty = await AtBinhuAsync(9);
        await As(Binhu).AssignDownAsync(new AssignDownRequest { CaseId = atCounty.Id, HandlingUnit = BinhuBureau, WorkingDays = 8 });

        var unit = await new CasesClient(host.AsUnit(Binhu, BinhuBureau)).ListHeldCasesAsync(new ListHeldCasesRequest { PageSize = 200 });
        var office = await As(Binhu).ListHeldCasesAsync(new ListHeldCasesRequest { PageSize = 200 });

        Assert.Contains(unit.Cases, c => c.Id == atCounty.Id && c.HolderUnit == BinhuBureau);
        Assert.DoesNotContain(office.Cases, c => c.Id == atCounty.Id);
    }

    [Fact]
    public async Task Filters_and_a_search_narrow_what_an_office_holds_and_paging_keeps_them()
    {
        var searched = await AtCountyAsync(Xinwu, 13);
        var other = await AtCountyAsync(Xinwu, 13);
        var undated = await As(Xinwu).CreateCaseAsync(CasesApiTests.ValidCase(Xinwu));

        var byName = await As(Xinwu).ListHeldCasesAsync(new ListHeldCasesRequest { Text = searched.Polluter[^8..] });
        var byNumber = await As(Xinwu).ListHeldCasesAsync(new ListHeldCasesRequest { Text = undated.Id });
        var assigned = await As(Xinwu).ListHeldCasesAsync(new ListHeldCasesRequest { Status = CaseStatus.Assigned, PageSize = 200 });
        var received = await As(Xinwu).ListHeldCasesAsync(new ListHeldCasesRequest { Status = CaseStatus.Received, PageSize = 200 });

        Assert.Equal([searched.Id], byName.Cases.Select(c => c.Id));
        Assert.Equal(1, byName.Total);
        Assert.Equal([undated.Id], byNumber.Cases.Select(c => c.Id));
        Assert.Contains(assigned.Cases, c => c.Id == other.Id);
        Assert.All(assigned.Cases, c => Assert.Equal(CaseStatus.Assigned, c.Status));
        Assert.Contains(received.Cases, c => c.Id == undated.Id);
        Assert.DoesNotContain(received.Cases, c => c.Id == other.Id);
        // A search for the sibling's case finds nothing in the sibling's list, nor in the other's.
        Assert.Empty((await As(Huishan).ListHeldCasesAsync(new ListHeldCasesRequest { Text = searched.Polluter })).Cases);
        Assert.Empty((await As(Huishan).ListCasesAsync(new ListCasesRequest { Text = searched.Polluter })).Cases);
        Assert.Equal([searched.Id], (await As(Wuxi).ListCasesAsync(new ListCasesRequest { Text = searched.Polluter })).Cases.Select(c => c.Id));

        // Paging with a filter crosses pages without leaving it.
        var ids = new List<string>();
        var request = new ListHeldCasesRequest { PageSize = 1, Status = CaseStatus.Assigned };
        CasePage page;
        do
        {
            page = await As(Xinwu).ListHeldCasesAsync(request);
            ids.AddRange(page.Cases.Select(c => c.Id));
            request.PageToken = page.NextPageToken;
        } while (page.NextPageToken.Length > 0);
        Assert.Equal(assigned.Cases.Select(c => c.Id), ids);
    }

    [Theory]
    [InlineData("status", 99)]
    [InlineData("text", 0)]
    [InlineData("min_repeat_count", -1)]
    public async Task A_filter_that_is_no_filter_is_refused_naming_it(string field, int value)
    {
        var request = field switch
        {
            "status" => new ListHeldCasesRequest { Status = (CaseStatus)value },
            "text" => new ListHeldCasesRequest { Text = new string('厂', 101) },
            _ => new ListHeldCasesRequest { MinRepeatCount = value },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => As(Binhu).ListHeldCasesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Theory]
    [InlineData(201, "", "page_size")]
    [InlineData(-1, "", "page_size")]
    [InlineData(10, "not-a-token", "page_token")]
    public async Task Bad_paging_is_refused_naming_the_field(int pageSize, string token, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            As(Binhu).ListHeldCasesAsync(new ListHeldCasesRequest { PageSize = pageSize, PageToken = token }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Rest_serves_the_list_at_held_cases()
    {
        var held = await AtBinhuAsync(9);

        var answer = await host.RestAs(Binhu).GetAsync("/v1/held-cases?pageSize=200");
        var bad = await host.RestAs(Binhu).GetAsync("/v1/held-cases?pageSize=1000");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(answer.Body.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetString() == held.Id);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }
}
