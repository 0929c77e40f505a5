using Ducha.Contracts.Disclosure.V1;
using Grpc.Core;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Services.Tests;

/// <summary>
/// ListBulletins: an office's view of a jurisdiction's bulletins, drafts and published, latest period first, each with
/// the day it falls due and whether it missed it — on Friday 27 September 2024, before the National Day week, when the
/// next working day is Sunday 29 (a make-up working day). The office above lists them too; a sibling and a unit do not.
/// </summary>
public sealed class BulletinListTests(BulletinFixture host) : IClassFixture<BulletinFixture>
{
    private DisclosureClient Office(string code) => new(host.As(code));

    private static async Task<Bulletin> DraftAsync(DisclosureClient office, string county, string start, string end) =>
        await office.DraftBulletinAsync(new DraftBulletinRequest { JurisdictionCode = county, PeriodStart = start, PeriodEnd = end });

    private static async Task<List<BulletinEntry>> AllAsync(DisclosureClient office, string county, BulletinState state = BulletinState.Unspecified, int pageSize = 1)
    {
        var all = new List<BulletinEntry>();
        var token = "";
        do
        {
            var page = await office.ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = county, State = state, PageSize = pageSize, PageToken = token });
            Assert.True(page.Bulletins.Count <= pageSize);
            all.AddRange(page.Bulletins);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    [Fact]
    public async Task Drafts_and_published_come_latest_period_first_with_their_due_by_and_whether_they_missed_it()
    {
        const string County = "320411";
        var office = Office(County);
        var monday = await DraftAsync(office, County, "2024-09-23", "2024-09-23");     // due Tue 24: a draft since, overdue
        var wednesday = await DraftAsync(office, County, "2024-09-25", "2024-09-25");  // due Thu 26, published today: late
        var thursday = await DraftAsync(office, County, "2024-09-26", "2024-09-26");   // due today, published today: on time
        var friday = await DraftAsync(office, County, "2024-09-27", "2024-09-27");     // due Sun 29, the make-up working day
        await office.PublishBulletinAsync(new PublishBulletinRequest { Id = wednesday.Id });
        await office.PublishBulletinAsync(new PublishBulletinRequest { Id = thursday.Id });

        var all = await AllAsync(office, County);
        var drafts = await AllAsync(office, County, BulletinState.Draft, pageSize: 50);
        var published = await AllAsync(office, County, BulletinState.Published, pageSize: 50);
        var byCity = await AllAsync(Office(DisclosureSteps.City), County, pageSize: 3);

        Assert.Equal([friday.Id, thursday.Id, wednesday.Id, monday.Id], all.Select(b => b.Id));
        Assert.Equal(["2024-09-29", "2024-09-27", "2024-09-26", "2024-09-24"], all.Select(b => b.DueBy));
        Assert.Equal([false, false, true, true], all.Select(b => b.Overdue));
        Assert.Equal([0, 1, 1, 0], all.Select(b => b.Version));
        Assert.Equal([BulletinState.Draft, BulletinState.Published, BulletinState.Published, BulletinState.Draft], all.Select(b => b.State));
        Assert.Equal([false, true, true, false], all.Select(b => b.PublishedAt is not null));
        Assert.All(all, b => Assert.Null(b.CorrectedAt));
        Assert.Equal("常州市新北区边督边改情况通报（2024年9月27日）", all[0].Title);
        Assert.Equal(friday.Title, all[0].Title);
        Assert.Equal([friday.Id, monday.Id], drafts.Select(b => b.Id));
        Assert.Equal([thursday.Id, wednesday.Id], published.Select(b => b.Id));
        Assert.Equal(all.Select(b => b.Id), byCity.Select(b => b.Id));
    }

    [Fact]
    public async Task A_corrected_bulletin_lists_its_latest_version_and_when_it_was_corrected()
    {
        var steps = new DisclosureSteps(host, "320412", "武进区");
        var verified = await steps.VerifiedAsync();
        await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 1 && s.FactsPending == 0);
        var office = steps.Disclosure(steps.County);
        var draft = await DraftAsync(office, steps.County, DisclosureSteps.Today, DisclosureSteps.Today);
        var published = await office.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });
        await steps.CloseAsync(verified.Id);
        await steps.SummaryWhenAsync(steps.County, s => s.Closed == 1);
        var corrected = await office.CorrectBulletinAsync(new CorrectBulletinRequest { Id = draft.Id, Reason = "该案件已办结销号" });

        var listed = Assert.Single(await AllAsync(office, steps.County));

        Assert.Equal((2, BulletinState.Published), (listed.Version, listed.State));
        Assert.Equal(published.PublishedAt, listed.PublishedAt);
        Assert.Equal(corrected.Versions[1].PublishedAt, listed.CorrectedAt);
    }

    [Fact]
    public async Task A_period_that_fell_due_before_the_office_set_its_cadence_is_not_overdue()
    {
        const string County = "320481";
        var office = Office(County);
        await office.SetBulletinCadenceAsync(new SetBulletinCadenceRequest { JurisdictionCode = County, StartDate = "2024-09-23" });
        await DraftAsync(office, County, "2024-09-23", "2024-09-23");

        var listed = Assert.Single(await AllAsync(office, County));

        Assert.Equal(("2024-09-24", false, BulletinState.Draft), (listed.DueBy, listed.Overdue, listed.State));
    }

    [Fact]
    public async Task A_sibling_county_and_a_unit_are_refused_and_a_bad_token_or_state_is_named()
    {
        const string County = "320413";
        await DraftAsync(Office(County), County, "2024-09-26", "2024-09-26");

        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            Office("320404").ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = County }).ResponseAsync);
        var unit = await Assert.ThrowsAsync<RpcException>(() => new DisclosureClient(host.AsUnit(County, "金坛区生态环境局"))
            .ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = County }).ResponseAsync);
        var token = await Assert.ThrowsAsync<RpcException>(() =>
            Office(County).ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = County, PageToken = "x" }).ResponseAsync);
        var state = await Assert.ThrowsAsync<RpcException>(() =>
            Office(County).ListBulletinsAsync(new ListBulletinsRequest { JurisdictionCode = County, State = (BulletinState)7 }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (sibling.StatusCode, unit.StatusCode));
        Assert.Equal(["page_token"], ServiceRefusalFields(token));
        Assert.Equal(["state"], ServiceRefusalFields(state));
    }

    private static IEnumerable<string> ServiceRefusalFields(RpcException refused)
    {
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        return refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field);
    }
}
