using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>A host of its own, so everything disclosure has published is what these tests made it publish.</summary>
public sealed class PublicScanFixture : StandaloneFixture;

/// <summary>
/// No reporter value, and no phone or ID-card number from any reporter, appears in anything disclosure makes public:
/// cases are filed with distinctive reporters and handled into a county's published (and corrected) bulletin, a
/// neighbour's bulletin whose texts carry reporters is refused, and then every public page, download, feed, JSON
/// document and event is read and scanned.
/// </summary>
public sealed partial class PublicScanTests(PublicScanFixture host) : IClassFixture<PublicScanFixture>
{
    /// <summary>The county's report phone is a mobile on purpose: the one such number the public may read.</summary>
    private const string ReportPhone = "13961200000";
    private const string IdCardInDescription = "320412198806152217";

    private static readonly Reporter[] Clean =
    [
        new() { Name = "欧阳雪莹", Phone = "13851234567", Address = "溧阳市燕山路翠竹苑11幢302室" },
        new() { Name = "司马振邦", Phone = "15961234567", Address = "溧阳市平陵路金色家园3幢" },
        new() { Name = "诸葛婉清", Phone = "18751234567", Address = "溧城镇南渡路梧桐里8号" },
    ];

    private static readonly Reporter[] Typed =
    [
        new() { Name = "上官明哲", Phone = "17712345678", Address = "武进区湖塘镇丁香苑5幢" },
        new() { Name = "东方若兰", Phone = "13301234567", Address = "武进区牛塘镇枫林苑9幢" },
        new() { Name = "慕容清风", Phone = "19912345678", Address = "武进区南夏墅街道桂花园2幢" },
    ];

    // Each bulletin read as a page and as each file, as it stands and in every version there may be.
    private static readonly string[] BulletinFiles = ["", ".xlsx", ".csv", ".json"], BulletinVersions = ["", "?version=1", "?version=2", "?version=3"];

    private static readonly ReporterLeakScan Scan =
        new(Clean.Concat(Typed).SelectMany(r => new[] { r.Name, r.Phone, r.Address }).Append(IdCardInDescription), ReportPhone);

    [Fact]
    public void The_scan_finds_a_reporter_value_however_it_is_written_and_passes_the_report_phone_ids_and_hashes()
    {
        var name = Clean[0].Name;
        var leaks = new Dictionary<string, string>
        {
            ["html entities"] = "举报人" + string.Concat(name.Select(c => $"&#{(int)c};")),
            ["hex entities"] = "举报人" + string.Concat(name.Select(c => $"&#x{(int)c:x};")),
            ["percent"] = "/public/search?q=" + Uri.EscapeDataString(Clean[1].Address),
            ["json"] = JsonSerializer.Serialize(new { text = "来电人" + Clean[2].Name }),
            ["spaced name"] = "举报人 欧 阳 雪 莹",
            ["spaced phone"] = "电话：138 5123 4567",
            ["dashed phone"] = "电话 138-5123-4567",
            ["full-width"] = "电话１３８５１２３４５６７",
            ["country code"] = "+86 177 1234 5678",
            ["other mobile"] = "联系人手机15000000001。",
            ["id card"] = "身份证号11010519491231002X",
        };
        var harmless = $"举报电话：{ReportPhone}（139-6120-0000）。编号 {Guid.NewGuid()}，摘要 {new string('a', 10)}13912345678{new string('b', 53)}，" +
                       "时间 2024-09-27T10:00:00+08:00，电话 0512-68001234、12369，traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-a13912345678b0c1-01。";

        Assert.All(leaks, leak => Assert.NotEmpty(Scan.Find(leak.Key, leak.Value)));
        Assert.Empty(Scan.Find("harmless", harmless));
    }

    [Fact]
    public async Task No_reporter_value_or_personal_number_appears_in_any_public_page_file_feed_or_event()
    {
        // A neighbouring county's texts carry reporters as a clerk or a handler could type them: publishing is refused.
        var typed = new DisclosureSteps(host, "320412", "武进区");
        var named = Complaint(typed, Typed[0], "武进某化工有限公司");
        named.Description = $"{Typed[0].Name}反映企业夜间偷排废水";
        await typed.AtUnitAsync(named);
        await VerifiedWithFindingsAsync(typed, Complaint(typed, Typed[1], "武进某印染有限公司"), "经核实，举报人（电话133 0123 4567）反映属实。");
        var withId = Complaint(typed, Typed[2], "武进某电镀有限公司");
        withId.Description = $"企业夜间偷排废水，举报人身份证号{IdCardInDescription}";
        await typed.AtUnitAsync(withId);
        var refusedDraft = await DraftWhenAsync(typed, d => d.Cases.Count == 3 && d.Cases.All(c => c.BasicFacts.StartsWith("反映", StringComparison.Ordinal))
            && d.Cases[1].Findings.StartsWith("经核实", StringComparison.Ordinal));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            typed.Disclosure(typed.County).PublishBulletinAsync(new PublishBulletinRequest { Id = refusedDraft.Id }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(["cases[1].basic_facts", "cases[2].findings", "cases[3].basic_facts"],
            refused.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations.Select(v => v.Subject).Distinct().Order(StringComparer.Ordinal));
        var trailers = string.Concat(refused.Trailers.Select(t => t.IsBinary ? Encoding.UTF8.GetString(t.ValueBytes) : t.Value));
        Assert.Empty(Scan.Find("the refusal", refused.Status.Detail + trailers));

        // The county's own cases are typed cleanly: handled, closed, one typical, two people held; its bulletin is published and corrected.
        var steps = new DisclosureSteps(host, "320481", "溧阳市");
        var county = steps.Disclosure(steps.County);
        var announcement = await county.PublishAnnouncementAsync(AnnouncementTestData.For(steps.County, "常州市第三生态环境保护督察组")
            .With(r => r.ReportPhone = ReportPhone));
        var first = await steps.ClosedAsync(Complaint(steps, Clean[0], "溧阳某化工有限公司"));
        await steps.HoldAccountableAsync(first.Id);
        var inHand = await steps.VerifiedAsync(Complaint(steps, Clean[1], "溧阳某印染有限公司"));
        var typical = await steps.ClosedAsync(Complaint(steps, Clean[2], "溧阳某电镀有限公司"));
        // Disclosure learns of a case from its events: mark it once they have arrived, as an office marks what it sees.
        Assert.NotNull(await steps.DisclosedWhenAsync(typical.Id, _ => true, steps.County));
        await county.MarkTypicalCaseAsync(new MarkTypicalCaseRequest { CaseId = typical.Id, Typical = true });
        var draft = await DraftWhenAsync(steps, d => d.Closed == 2 && d.Accountability.StartsWith("2人", StringComparison.Ordinal)
            && d.Cases.Count(c => c.Typical) == 1 && d.Cases.All(c => c.Findings.StartsWith("经现场核查", StringComparison.Ordinal)));
        await county.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });
        await steps.CloseAsync(inHand.Id);
        await steps.SummaryWhenAsync(steps.County, s => s.Closed == 3);
        var corrected = await county.CorrectBulletinAsync(new CorrectBulletinRequest { Id = draft.Id, Reason = "第2号案件已办结" });

        var published = await ReadEverythingPublicAsync(steps.County, draft.Id, refusedDraft.Id);
        var events = (await host.QueryAsync<DisclosureDbContext, OutboxMessage>(db => db.Set<OutboxMessage>()))
            .ToDictionary(m => $"event {m.Topic} #{m.Sequence}", m => m.Payload);

        // What was read is what the public reads: both versions, the downloads, the feed, the JSON and the events.
        Assert.Equal(2, corrected.Version);
        foreach (var path in new[] { "", "?version=1", "?version=2", ".xlsx", ".csv", ".xlsx?version=1", ".csv?version=1" })
            Assert.Contains($"/public/bulletins/{draft.Id}{path}", published.Keys);
        foreach (var path in new[] { "", "/bulletins", "/feed.atom", "/announcements.json" })
            Assert.Contains($"/public/{steps.County}{path}", published.Keys);
        Assert.Contains($"/public/announcements/{announcement.Id}", published.Keys);
        Assert.Contains("第2号案件已办结", published[$"/public/bulletins/{draft.Id}"]);
        Assert.Contains("典型案例", published[$"/public/bulletins/{draft.Id}"]);
        Assert.Contains("经现场核查，该企业雨水排口夜间排放生产废水属实。", published[$"/public/bulletins/{draft.Id}.xlsx"]);
        Assert.Contains(ReportPhone, published[$"/public/{steps.County}"]);
        Assert.Contains(events.Keys, k => k.StartsWith("event disclosure.bulletin-published", StringComparison.Ordinal));
        Assert.Contains(events.Keys, k => k.StartsWith("event disclosure.announcement-published", StringComparison.Ordinal));
        Assert.DoesNotContain($"/public/bulletins/{refusedDraft.Id}", published.Keys);
        var leaks = Scan.Find(published.Concat(events));
        Assert.True(leaks.Count == 0, "What the public can read gives reporters away:\n" + string.Join("\n", leaks));
    }

    /// <summary>
    /// A complaint from <paramref name="reporter"/> about a polluter named in words: the steps' default name ends in hex
    /// digits, which could now and then read as a mobile number to the scan.
    /// </summary>
    private static CreateCaseRequest Complaint(DisclosureSteps steps, Reporter reporter, string polluter)
    {
        var request = steps.Complaint(reporter);
        request.Polluter = polluter;
        return request;
    }

    /// <summary>Handled with <paramref name="findings"/> as the unit typed them, and accepted up to the province, which makes them public.</summary>
    private static async Task VerifiedWithFindingsAsync(DisclosureSteps steps, CreateCaseRequest request, string findings)
    {
        var atUnit = await steps.AtUnitAsync(request);
        var report = DisclosureSteps.Findings(atUnit.Id);
        report.Findings = findings;
        await steps.Handler.ReportHandlingAsync(report);
        foreach (var office in new[] { steps.CountyOffice, steps.CityOffice, steps.ProvinceOffice })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = atUnit.Id, Accept = true });
    }

    /// <summary>The county's draft for the day once the read model shows what <paramref name="settled"/> expects.</summary>
    private static async Task<Bulletin> DraftWhenAsync(DisclosureSteps steps, Func<Bulletin, bool> settled)
    {
        var draft = await Ducha.Testing.Eventually.UntilAsync(() => steps.Disclosure(steps.County).DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        }).ResponseAsync, settled, TimeSpan.FromSeconds(30));
        Assert.True(settled(draft), $"the draft never settled: {draft}");
        return draft;
    }

    /// <summary>
    /// Every public document about the county, its city and its province, by path: the pages, lists, feeds and JSON,
    /// each bulletin in every version with its downloads (an XLSX read as the text of all its parts), and whatever
    /// else they link to on the site — a new kind of page is read as soon as something public links to it.
    /// </summary>
    private async Task<Dictionary<string, string>> ReadEverythingPublicAsync(string county, params string[] bulletinIds)
    {
        string[] places = [county, county[..4] + "00", county[..2] + "0000"];
        var seeds = new List<string> { "/public/" };
        foreach (var code in places)
            seeds.AddRange([$"/public/{code}", $"/public/{code}/bulletins", $"/public/{code}/feed.atom", $"/public/{code}/announcements.json"]);
        seeds.AddRange(from id in bulletinIds
                       from extension in BulletinFiles
                       from version in BulletinVersions
                       select $"/public/bulletins/{id}{extension}{version}");
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(seeds, StringComparer.Ordinal);
        var queue = new Queue<string>(seeds);
        while (queue.TryDequeue(out var path) && read.Count < 500)
        {
            using var response = await host.Http.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = bytes is [(byte)'P', (byte)'K', ..] ? ZipText(bytes) : Encoding.UTF8.GetString(bytes);
            read[path] = text;
            foreach (Match link in PublicLink().Matches(ReporterLeakScan.Decoded(text)))
            {
                var next = link.Groups["path"].Value;
                var place = PlaceOf().Match(next);
                if ((!place.Success || places.Contains(place.Groups["code"].Value)) && seen.Add(next)) queue.Enqueue(next);
            }
        }
        return read;
    }

    /// <summary>All the text parts of a zip (an XLSX: its sheets, shared strings and properties), one after another.</summary>
    private static string ZipText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append("\n[").Append(entry.FullName).Append("]\n").Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    // A link on the site, absolute (feed, JSON) or not (pages); places other than the three are not followed, since
    // the index links every jurisdiction in the country.
    [GeneratedRegex(@"(?:https?://[^/\s""'<>]+)?(?<path>/public/[^\s""'<>#]*)")]
    private static partial Regex PublicLink();

    [GeneratedRegex(@"^/public/(?<code>\d{6})(?:[/?.]|$)")]
    private static partial Regex PlaceOf();
}
