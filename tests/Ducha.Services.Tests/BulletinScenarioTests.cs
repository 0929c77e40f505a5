using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>A host of its own, so the county's bulletin counts exactly the cases these tests file.</summary>
public sealed class BulletinFixture : StandaloneFixture;

/// <summary>
/// During a county inspection cases are transferred, handled and closed and two people are held accountable: the
/// county's 边督边改 bulletin is generated from that, published, and corrected as a second version.
/// </summary>
public sealed class BulletinScenarioTests(BulletinFixture host) : IClassFixture<BulletinFixture>
{
    [Fact]
    public async Task The_county_bulletin_lists_every_case_counts_two_people_by_rank_and_a_correction_is_version_2()
    {
        var steps = new DisclosureSteps(host, "320481", "溧阳市");
        var closed = await steps.ClosedAsync();
        var verified = await steps.VerifiedAsync();
        await steps.HoldAccountableAsync(closed.Id);
        await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 2 && s.Closed == 1 && s.FactsPending == 0 && s.PeopleHeld == 2);
        var county = steps.Disclosure(steps.County);

        var draft = await county.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });
        var published = await county.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });

        Assert.Equal((BulletinState.Draft, 2, 1, 1), (draft.State, draft.Transferred, draft.Closed, draft.InHand));
        Assert.Equal("2人，其中处级1人、科级1人", draft.Accountability);
        Assert.Equal([closed.Id, verified.Id], draft.Cases.Select(c => c.CaseId));
        Assert.All(draft.Cases, c => Assert.Equal("经现场核查，该企业雨水排口夜间排放生产废水属实。", c.Findings));
        // The address was typed starting with the county's name: the place says it once.
        Assert.All(draft.Cases, c => Assert.Equal("常州市溧阳市昆仑街道某工业园", c.Place));
        Assert.Contains(draft.Paragraphs, p => p.Contains("交办信访件2件", StringComparison.Ordinal));
        Assert.Equal((BulletinState.Published, 1), (published.State, published.Version));
        Assert.True(Assert.Single(published.Versions).Verified);

        await steps.CloseAsync(verified.Id);
        await steps.SummaryWhenAsync(steps.County, s => s.Closed == 2);
        var corrected = await county.CorrectBulletinAsync(new CorrectBulletinRequest { Id = draft.Id, Reason = "第2号案件已办结" });

        Assert.Equal(2, corrected.Version);
        Assert.Equal([true, true], corrected.Versions.Select(v => v.Verified));
        Assert.Equal("第2号案件已办结", corrected.Versions[1].Reason);
        Assert.Contains("已办结件数由1件更正为2件", corrected.Versions[1].Changes);

        // The public see it without a token: the page shows both versions, and the table downloads with one row per case.
        var page = await host.Http.GetStringAsync($"/public/bulletins/{draft.Id}");
        var first = await host.Http.GetStringAsync($"/public/bulletins/{draft.Id}?version=1");
        var xlsx = await host.Http.GetByteArrayAsync($"/public/bulletins/{draft.Id}.xlsx");
        var csv = await host.Http.GetStringAsync($"/public/bulletins/{draft.Id}.csv");
        var list = await host.Http.GetStringAsync($"/public/{steps.County}/bulletins");
        Assert.Contains(corrected.Title, page);
        Assert.Contains("本通报已更正", page);
        Assert.Contains("第2号案件已办结", page);
        Assert.Contains("您正在查看更正前的版本", first);
        Assert.Contains("正在办理1件", first);
        Assert.Equal(2, MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Count());
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"/public/bulletins/{draft.Id}", list);
    }

    [Fact]
    public async Task A_bulletin_whose_case_text_carries_the_reporter_is_refused_naming_the_field_and_stays_a_draft()
    {
        var steps = new DisclosureSteps(host, "320412", "武进区");
        var request = steps.Complaint(new Reporter { Name = "钱某某", Phone = "13912345678", Address = "武进区湖塘镇某小区" });
        request.Description = "钱某某反映企业夜间偷排废水";
        // Among others: each case's texts are checked against its own reporter, and only this one's are named.
        await steps.AtUnitAsync();
        var filed = await steps.VerifiedAsync(request);
        await steps.AtUnitAsync();
        await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 3 && s.FactsPending == 0);
        var county = steps.Disclosure(steps.County);
        var draft = await county.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });

        var refused = await Assert.ThrowsAsync<RpcException>(() => county.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var fields = refused.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations.Select(v => v.Subject);
        var row = draft.Cases.Single(c => c.CaseId == filed.Id).Number;
        Assert.Equal(3, draft.Cases.Count);
        Assert.Equal([$"cases[{row}].basic_facts"], fields);
        Assert.DoesNotContain("13912345678", refused.Status.Detail);
        Assert.Equal(BulletinState.Draft, (await county.GetBulletinAsync(new GetBulletinRequest { Id = draft.Id })).State);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Http.GetAsync($"/public/bulletins/{draft.Id}")).StatusCode); // a draft is not public
    }

    [Fact]
    public async Task Another_office_neither_drafts_nor_publishes_the_countys_bulletin()
    {
        var steps = new DisclosureSteps(host, "320411", "新北区");
        var draft = await steps.Disclosure(steps.County).DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });

        var city = await Assert.ThrowsAsync<RpcException>(() => steps.Disclosure(DisclosureSteps.City).DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        }).ResponseAsync);
        var sibling = await Assert.ThrowsAsync<RpcException>(() => steps.Disclosure("320412").PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (city.StatusCode, sibling.StatusCode));
        Assert.Equal((0, 0), (draft.Transferred, draft.Cases.Count));
    }

    [Fact]
    public async Task A_case_the_office_marks_typical_has_its_specifics_in_the_bulletin_text_and_another_county_cannot_mark_it()
    {
        var steps = new DisclosureSteps(host, "320402", "天宁区");
        var closed = await steps.ClosedAsync();
        await steps.SummaryWhenAsync(steps.County, s => s.Closed == 1 && s.FactsPending == 0);
        var county = steps.Disclosure(steps.County);

        var sibling = await Assert.ThrowsAsync<RpcException>(() => steps.Disclosure("320404")
            .MarkTypicalCaseAsync(new MarkTypicalCaseRequest { CaseId = closed.Id, Typical = true }).ResponseAsync);
        var mark = await county.MarkTypicalCaseAsync(new MarkTypicalCaseRequest { CaseId = closed.Id, Typical = true });
        var draft = await county.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });

        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
        Assert.Equal((true, steps.County), (mark.Typical, mark.MarkedByJurisdictionCode));
        Assert.True(Assert.Single(draft.Cases).Typical);
        Assert.Contains(draft.Paragraphs, p => p.StartsWith("典型案例", StringComparison.Ordinal) && p.Contains("处罚款二十万元", StringComparison.Ordinal));
    }
}
