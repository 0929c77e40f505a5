using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Ducha.Contracts.Disclosure.V1;

namespace Ducha.Services.Tests;

/// <summary>
/// The public site as the public and syndicating websites see it, with no token: the pages in Chinese, corrections
/// visible, the ETag honoured, the Atom feed and the JSON, 404 for what does not exist, and data typed by offices
/// never taken for markup.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class PublicSiteTests(StandaloneFixture host)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient As(string jurisdiction) => new(host.As(jurisdiction));

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await host.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_countys_page_shows_its_announcement_in_chinese_for_a_phone_without_a_token()
    {
        var a = await As("320505").PublishAnnouncementAsync(AnnouncementTestData.For("320505").With(r => r.ReportPhone = "0512-68009999"));

        var (response, html) = await GetAsync("/public/320505");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("<h1>虎丘区</h1>", html);
        Assert.Contains("<a href=\"/public/320500\">苏州市</a>", html);
        Assert.Contains($"href=\"/public/announcements/{a.Id}\"", html);
        Assert.Contains("0512-68009999", html);
        Assert.Contains("苏州市A001号邮政信箱", html);
        Assert.Contains("即将进驻", html); // the fixture's clock stands at 2024-09-27, before the stay
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.ETag is { IsWeak: false }, "a strong ETag");
    }

    [Fact]
    public async Task The_city_and_the_province_list_the_countys_announcement_linked_to_it()
    {
        var a = await As("320500").PublishAnnouncementAsync(AnnouncementTestData.For("320506", "苏州市第九生态环境保护督察组"));

        var (_, city) = await GetAsync("/public/320500");
        var (_, province) = await GetAsync("/public/320000");

        foreach (var page in new[] { city, province })
        {
            Assert.Contains($"href=\"/public/announcements/{a.Id}\"", page);
            Assert.Contains("苏州市第九生态环境保护督察组进驻苏州市吴中区公告", page);
            Assert.Contains("<a href=\"/public/320506\">苏州市吴中区</a>", page);
        }
    }

    [Fact]
    public async Task A_team_name_with_markup_is_shown_as_text_everywhere()
    {
        const string team = "<script>alert('x')</script>&第一督察组\"";
        var a = await As("320576").PublishAnnouncementAsync(AnnouncementTestData.For("320576", team));

        var (_, county) = await GetAsync("/public/320576");
        var (_, page) = await GetAsync($"/public/announcements/{a.Id}");
        var (_, city) = await GetAsync("/public/320500");
        var (_, feed) = await GetAsync("/public/320576/feed.atom");
        var (_, json) = await GetAsync("/public/320576/announcements.json");

        foreach (var html in new[] { county, page, city })
        {
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;第一督察组&quot;", html);
        }
        // In the feed the content is HTML carried as text: decoded once by the XML parser, it is still escaped HTML.
        var content = XDocument.Parse(feed).Descendants(Atom + "content").Single().Value;
        Assert.DoesNotContain("<script>", content);
        Assert.Contains("&lt;script&gt;", content);
        Assert.Equal(team, Assert.Single(XDocument.Parse(feed).Descendants(Atom + "entry")).Element(Atom + "title")!.Value[..team.Length]);
        Assert.DoesNotContain("<script>", json);
        Assert.Equal(team, JsonDocument.Parse(json).RootElement.GetProperty("announcements")[0].GetProperty("current").GetProperty("team").GetString());
    }

    [Fact]
    public async Task A_corrected_announcement_shows_that_it_was_corrected_what_changed_and_keeps_the_first_version_readable()
    {
        var city = As("320500");
        var a = await city.PublishAnnouncementAsync(AnnouncementTestData.For("320507"));
        var (_, before) = await GetAsync($"/public/announcements/{a.Id}");
        await city.CorrectAnnouncementAsync(new CorrectAnnouncementRequest { Id = a.Id, Reason = "值班电话号码有误", ReportPhone = "0512-68007777" });

        var (_, page) = await GetAsync($"/public/announcements/{a.Id}");
        var (first, original) = await GetAsync($"/public/announcements/{a.Id}?version=1");
        var (_, county) = await GetAsync("/public/320507");

        Assert.DoesNotContain("更正", before[..before.IndexOf("<footer>", StringComparison.Ordinal)]);
        Assert.Contains("现为第2版", page);
        Assert.Contains("更正记录", page);
        Assert.Contains("更正原因：值班电话号码有误", page);
        Assert.Contains("<tr><td>举报电话</td><td>0512-68001234</td><td>0512-68007777</td></tr>", page);
        Assert.Contains($"href=\"/public/announcements/{a.Id}?version=1\"", page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("您正在查看本公告的第1版，该版本已被更正", original);
        Assert.Contains("0512-68001234", original);
        Assert.Contains("已更正（第2版）", county);
    }

    [Fact]
    public async Task A_page_revalidated_with_its_etag_answers_304_until_its_content_changes()
    {
        var a = await As("320505").PublishAnnouncementAsync(AnnouncementTestData.For("320505"));
        var path = $"/public/announcements/{a.Id}";
        var (first, body) = await GetAsync(path);
        var etag = first.Headers.ETag!.Tag;

        var (same, sameBody) = await GetAsync(path, etag);
        var (weak, _) = await GetAsync(path, "W/" + etag);
        var (other, _) = await GetAsync(path, "\"something-else\"");
        var (again, againBody) = await GetAsync(path);
        await As("320505").CorrectAnnouncementAsync(new CorrectAnnouncementRequest { Id = a.Id, Reason = "更正接听时间", PhoneHours = "08:00-21:00" });
        var (changed, _) = await GetAsync(path, etag);

        Assert.Equal((HttpStatusCode.NotModified, ""), (same.StatusCode, sameBody));
        Assert.Equal(etag, same.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal((etag, body), (again.Headers.ETag!.Tag, againBody));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_atom_feed_is_atom_with_one_entry_per_announcement()
    {
        var county = As("320583");
        var first = await county.PublishAnnouncementAsync(AnnouncementTestData.For("320583", "昆山市第一督察组"));
        var second = await county.PublishAnnouncementAsync(AnnouncementTestData.For("320583", "昆山市第二督察组"));
        await county.CorrectAnnouncementAsync(new CorrectAnnouncementRequest { Id = first.Id, Reason = "更正信箱", PostalBox = "苏州市A009号邮政信箱" });

        var (response, text) = await GetAsync("/public/320583/feed.atom");
        var feed = XDocument.Parse(text).Root!;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("urn:uuid:", feed.Element(Atom + "id")!.Value);
        Assert.Equal("苏州市昆山市生态环境保护督察信息公开", feed.Element(Atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(new[] { $"urn:uuid:{second.Id}", $"urn:uuid:{first.Id}" }, entries.Select(e => e.Element(Atom + "id")!.Value));
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrEmpty(entry.Element(Atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            var link = entry.Element(Atom + "link")!;
            Assert.Equal("alternate", link.Attribute("rel")!.Value);
            Assert.True(Uri.TryCreate(link.Attribute("href")!.Value, UriKind.Absolute, out var href));
            Assert.Equal(response.RequestMessage!.RequestUri!.Host, href.Host);
            Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        }
        Assert.Contains("已更正", entries[1].Element(Atom + "title")!.Value);
        Assert.Contains("苏州市A009号邮政信箱", entries[1].Element(Atom + "content")!.Value);
        Assert.Equal(feed.Element(Atom + "updated")!.Value, entries[1].Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task The_json_api_gives_each_announcement_with_its_versions()
    {
        var a = await As("320585").PublishAnnouncementAsync(AnnouncementTestData.For("320585", "太仓市督察组"));
        await As("320585").CorrectAnnouncementAsync(new CorrectAnnouncementRequest { Id = a.Id, Reason = "更正进驻结束日期", EndDate = "2024-11-20" });

        var (response, text) = await GetAsync("/public/320585/announcements.json");
        var root = JsonDocument.Parse(text).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("320585", "苏州市太仓市"), (root.GetProperty("jurisdiction").GetProperty("code").GetString(),
            root.GetProperty("jurisdiction").GetProperty("name").GetString()));
        var item = Assert.Single(root.GetProperty("announcements").EnumerateArray());
        Assert.Equal(a.Id, item.GetProperty("id").GetString());
        Assert.EndsWith($"/public/announcements/{a.Id}", item.GetProperty("url").GetString());
        var current = item.GetProperty("current");
        Assert.Equal((2, "2024-11-20", "0512-68001234", "08:00-20:00"), (current.GetProperty("version").GetInt32(), current.GetProperty("endDate").GetString(),
            current.GetProperty("reportPhone").GetString(), current.GetProperty("phoneHours").GetString()));
        Assert.Equal(["end_date"], current.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("更正进驻结束日期", current.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("/public/999999")]
    [InlineData("/public/abc")]
    [InlineData("/public/3205051")]
    [InlineData("/public/032050")]
    [InlineData("/public/999999/feed.atom")]
    [InlineData("/public/abc/announcements.json")]
    [InlineData("/public/announcements/not-an-id")]
    [InlineData("/public/announcements/01a2b3c4-0000-7000-8000-000000000000")]
    [InlineData("/public/320505/no-such-page")]
    [InlineData("/public/a/b/c")]
    public async Task What_does_not_exist_answers_the_chinese_404_page(string path)
    {
        var (response, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("页面不存在", html);
    }

    [Theory]
    [InlineData("?version=3")]
    [InlineData("?version=0")]
    [InlineData("?version=x")]
    [InlineData("?version=1&version=1")]
    public async Task A_version_the_announcement_does_not_have_is_no_page(string query)
    {
        var a = await As("320505").PublishAnnouncementAsync(AnnouncementTestData.For("320505"));

        var (response, _) = await GetAsync($"/public/announcements/{a.Id}{query}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/public")]
    [InlineData("/public/")]
    public async Task The_front_page_lists_the_provinces(string path)
    {
        var (response, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"/public/320000\">江苏省</a>", html);
    }

    [Fact]
    public async Task Head_answers_the_headers_without_the_page()
    {
        var (get, body) = await GetAsync("/public/320000");
        var (head, headBody) = await GetAsync("/public/320000", method: HttpMethod.Head);

        Assert.Equal((HttpStatusCode.OK, ""), (head.StatusCode, headBody));
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_bad_token_does_not_stand_in_the_way_of_a_public_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/public/320500");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
