using System.Net;

namespace Ducha.Services.Tests;

/// <summary>进驻公告 as an integrator scripts it: JSON over the REST routes, refusals as google.rpc.Status naming the field.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class AnnouncementRestTests(StandaloneFixture host)
{
    private static readonly string[] TvOnly = ["ANNOUNCEMENT_VENUE_TV"];

    private static object Announcement(string county, string phone = "0512-68001234") => new
    {
        jurisdictionCode = county, team = "苏州市第二生态环境保护督察组", startDate = "2024-10-08", endDate = "2024-11-08",
        reportPhone = phone, phoneHours = "08:00-20:00", postalBox = "苏州市A002号邮政信箱", venues = TvOnly,
    };

    [Fact]
    public async Task An_announcement_is_published_read_listed_and_corrected_over_rest()
    {
        var city = host.RestAs("320500");

        var published = await city.PostAsync("/v1/announcements", Announcement("320505"));
        var id = published.Text("id");
        var read = await host.RestAs("320505").GetAsync($"/v1/announcements/{id}");
        var listed = await city.GetAsync("/v1/announcements?jurisdictionCode=320505&pageSize=200");
        var corrected = await city.PostAsync($"/v1/announcements/{id}:correct", new { reason = "信箱编号有误", postalBox = "苏州市A003号邮政信箱" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { published.Status, read.Status, listed.Status, corrected.Status });
        Assert.Equal(published.Body.GetRawText(), read.Body.GetRawText());
        Assert.Contains(listed.Body.GetProperty("announcements").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.Equal(TvOnly, read.Body.GetProperty("current").GetProperty("venues").EnumerateArray().Select(v => v.GetString()));
        var current = corrected.Body.GetProperty("current");
        Assert.Equal((2, "苏州市A003号邮政信箱", "信箱编号有误"),
            (current.GetProperty("version").GetInt32(), current.GetProperty("postalBox").GetString(), current.GetProperty("reason").GetString()));
        Assert.Equal("苏州市A002号邮政信箱", corrected.Body.GetProperty("versions")[0].GetProperty("postalBox").GetString());
    }

    [Fact]
    public async Task A_bad_phone_answers_400_naming_report_phone_and_another_county_403()
    {
        var badPhone = await host.RestAs("320505").PostAsync("/v1/announcements", Announcement("320505", phone: "0512-1234"));
        var sibling = await host.RestAs("320506").PostAsync("/v1/announcements", Announcement("320505"));
        var noToken = await host.RestWithoutToken().PostAsync("/v1/announcements", Announcement("320505"));

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.Status);
        Assert.Equal(["report_phone"], badPhone.ViolatedFields());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (sibling.Status, noToken.Status));
    }
}
