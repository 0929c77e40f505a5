using System.Text.Json;
using System.Xml.Linq;
using Ducha.Contracts.Disclosure.V1;

namespace Ducha.Services.Tests;

/// <summary>
/// A published bulletin reaches the sites that syndicate it: the county's Atom feed carries it as an entry (retitled
/// when corrected), its JSON list and the bulletin's own JSON give the counts, the running totals since the inspection
/// began and the table row by row, and the county's page lists it.
/// </summary>
public sealed class BulletinSyndicationTests(BulletinFixture host) : IClassFixture<BulletinFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_feed_and_the_JSON_carry_a_published_bulletin_with_its_running_totals_and_its_correction()
    {
        var steps = new DisclosureSteps(host, "320413", "金坛区");
        var closed = await steps.ClosedAsync();
        await steps.HoldAccountableAsync(closed.Id);
        await steps.SummaryWhenAsync(steps.County, s => s.Closed == 1 && s.FactsPending == 0 && s.PeopleHeld == 2);
        var county = steps.Disclosure(steps.County);
        var since = StandaloneFixture.Now.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await county.SetBulletinCadenceAsync(new SetBulletinCadenceRequest
        {
            JurisdictionCode = steps.County, Kind = CadenceKind.WorkingDays, StartDate = since,
        });

        var draft = await county.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });
        await county.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });

        // Running totals: the inspection began two days before the period, so the bulletin says what has come in since.
        Assert.Equal((since, 1, 1, 0, "2人，其中处级1人、科级1人"),
            (draft.ToDate.Since, draft.ToDate.Transferred, draft.ToDate.Closed, draft.ToDate.InHand, draft.ToDate.Accountability));
        Assert.Contains(draft.Paragraphs, p => p.StartsWith("自2024年9月25日督察进驻以来，", StringComparison.Ordinal) && p.Contains("累计收到交办信访件1件", StringComparison.Ordinal));

        var entry = await FeedEntryAsync(steps.County, draft.Id);
        Assert.Equal(draft.Title, entry.Element(Atom + "title")!.Value);
        Assert.EndsWith($"/public/bulletins/{draft.Id}", entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
        Assert.Contains("累计收到交办信访件1件", entry.Element(Atom + "content")!.Value);

        var list = await JsonAsync($"/public/{steps.County}/bulletins.json");
        var listed = list.GetProperty("bulletins").EnumerateArray().Single();
        Assert.Equal((draft.Id, 1, 1, 1), (listed.GetProperty("id").GetString(), listed.GetProperty("version").GetInt32(),
            listed.GetProperty("transferred").GetInt32(), listed.GetProperty("toDate").GetProperty("transferred").GetInt32()));
        var whole = await JsonAsync(new Uri(listed.GetProperty("json").GetString()!).PathAndQuery);
        var row = whole.GetProperty("cases").EnumerateArray().Single();
        Assert.Equal((draft.Cases[0].Findings, "2人，其中处级1人、科级1人"), (row.GetProperty("findings").GetString(), row.GetProperty("accountability").GetString()));
        Assert.Contains(draft.Title, await host.Http.GetStringAsync($"/public/{steps.County}"));

        // A correction retitles the entry and the list, and the bulletin's JSON says why and what changed.
        await steps.VerifiedAsync();
        await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 2 && s.FactsPending == 0);
        await county.CorrectBulletinAsync(new CorrectBulletinRequest { Id = draft.Id, Reason = "补列当日交办的第2件" });

        Assert.Equal($"{draft.Title}（已更正，第2版）", (await FeedEntryAsync(steps.County, draft.Id)).Element(Atom + "title")!.Value);
        var corrected = await JsonAsync($"/public/bulletins/{draft.Id}.json");
        var versions = corrected.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal((2, 2, 2), (corrected.GetProperty("version").GetInt32(), versions.Count, corrected.GetProperty("cases").GetArrayLength()));
        Assert.Equal("补列当日交办的第2件", versions[1].GetProperty("reason").GetString());
        var changes = versions[1].GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("交办件数由1件更正为2件", changes);
        Assert.Contains("累计交办件数由1件更正为2件", changes);
        Assert.Equal(1, (await JsonAsync($"/public/bulletins/{draft.Id}.json?version=1")).GetProperty("cases").GetArrayLength());
    }

    private async Task<XElement> FeedEntryAsync(string code, string id)
    {
        var feed = XDocument.Parse(await host.Http.GetStringAsync($"/public/{code}/feed.atom"));
        return feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == "urn:uuid:" + id);
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
