using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;
using AnnouncementEntity = Ducha.Disclosure.Domain.Announcement;

namespace Ducha.Services.Tests;

/// <summary>进驻公告 over gRPC: who may publish and correct it, what is refused, and how its versions read back.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class AnnouncementApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient As(string jurisdiction) => new(host.As(jurisdiction));

    [Fact]
    public async Task A_county_publishes_its_announcement_with_the_default_hours_and_venues_and_reads_it_back()
    {
        var county = As("320505");

        var published = await county.PublishAnnouncementAsync(AnnouncementTestData.For("320505"));
        var read = await county.GetAnnouncementAsync(new GetAnnouncementRequest { Id = published.Id });

        Assert.Equal(published, read);
        Assert.Equal(("320505", "320505", 1), (read.JurisdictionCode, read.PublishedByJurisdictionCode, read.Current.Version));
        Assert.Equal("08:00-20:00", read.Current.PhoneHours);
        Assert.Equal([AnnouncementVenue.GovernmentWebsite, AnnouncementVenue.EcologyBureauWebsite, AnnouncementVenue.Tv], read.Current.Venues);
        Assert.Equal($"/public/announcements/{read.Id}", read.PublicPath);
        Assert.Single(read.Versions);
    }

    [Fact]
    public async Task The_city_and_the_province_publish_for_a_county_below_them_and_the_event_goes_through_the_outbox()
    {
        var byCity = await As("320500").PublishAnnouncementAsync(AnnouncementTestData.For("320506").With(r => { r.PhoneHours = "08:30-17:30"; r.ReportPhone = "12369"; }));
        var byProvince = await As("320000").PublishAnnouncementAsync(AnnouncementTestData.For("320507", "江苏省第二生态环境保护督察组"));

        Assert.Equal(("320500", "08:30-17:30"), (byCity.PublishedByJurisdictionCode, byCity.Current.PhoneHours));
        Assert.Equal("320000", byProvince.PublishedByJurisdictionCode);
        var events = await host.QueryAsync<DisclosureDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "disclosure.announcement-published" && m.Payload.Contains(byCity.Id)).Select(m => m.Type));
        Assert.Equal(["ducha.disclosure.announcement-published.v1"], events);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "start_date", "2024-10-8", "yyyy-MM-dd" },
        { "start_date", "2024-02-30", "yyyy-MM-dd" },
        { "end_date", "2024-10-07", "must not be before start_date" },
        { "end_date", "2026-10-08", "at most 366 days" },
        { "report_phone", "68001234", "landline" },
        { "report_phone", "0512-6800 1234", "landline" },
        { "phone_hours", "8:00-20:00", "HH:mm-HH:mm" },
        { "phone_hours", "20:00-08:00", "end after the start" },
        { "postal_box", "苏州市虎丘区人民路88号", "信箱" },
        { "postal_box", "苏州市虎丘区人民路88号信箱", "not a street address" },
        { "postal_box", "苏州市虎丘区某小区3栋2单元信箱", "not a street address" },
        { "team", " ", "is required" },
        { "jurisdiction_code", "32050", "6-digit" },
        { "jurisdiction_code", "320500", "must be a county" },
        { "jurisdiction_code", "329999", "not a known" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored(string field, string value, string saying)
    {
        var request = AnnouncementTestData.For("320505");
        switch (field)
        {
            case "start_date": request.StartDate = value; break;
            case "end_date": request.EndDate = value; break;
            case "report_phone": request.ReportPhone = value; break;
            case "phone_hours": request.PhoneHours = value; break;
            case "postal_box": request.PostalBox = value; break;
            case "team": request.Team = value; break;
            case "jurisdiction_code": request.JurisdictionCode = value; break;
        }
        var before = await host.CountAsync<DisclosureDbContext, AnnouncementEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320500").PublishAnnouncementAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, InvalidField(error));
        Assert.Contains(saying, error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<DisclosureDbContext, AnnouncementEntity>());
    }

    [Theory]
    [InlineData("12369")]
    [InlineData("13912345678")]
    [InlineData("010-62345678")]
    [InlineData("051268001234")]
    [InlineData("400-810-1234")]
    public async Task Landlines_mobiles_and_hotlines_are_report_phones(string phone)
    {
        var published = await As("320505").PublishAnnouncementAsync(AnnouncementTestData.For("320505").With(r => r.ReportPhone = phone));

        Assert.Equal(phone, published.Current.ReportPhone);
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var request = new PublishAnnouncementRequest { JurisdictionCode = "320505", StartDate = "2024-11-08", EndDate = "2024-10-08", ReportPhone = "x",
            PostalBox = "x", PhoneHours = "x", Venues = { (AnnouncementVenue)99 } };

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320505").PublishAnnouncementAsync(request).ResponseAsync);

        Assert.Equal(["team", "end_date", "report_phone", "phone_hours", "postal_box", "venues"],
            error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Another_countys_office_is_refused_and_nothing_is_stored()
    {
        var before = await host.CountAsync<DisclosureDbContext, AnnouncementEntity>();

        var sibling = await Assert.ThrowsAsync<RpcException>(() => As("320506").PublishAnnouncementAsync(AnnouncementTestData.For("320505")).ResponseAsync);
        var otherCity = await Assert.ThrowsAsync<RpcException>(() => As("320100").PublishAnnouncementAsync(AnnouncementTestData.For("320505")).ResponseAsync);
        var notAnOffice = await Assert.ThrowsAsync<RpcException>(() =>
            new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As("320505", "assessor")).PublishAnnouncementAsync(AnnouncementTestData.For("320505")).ResponseAsync);

        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied],
            new[] { sibling.StatusCode, otherCity.StatusCode, notAnOffice.StatusCode });
        Assert.Equal(before, await host.CountAsync<DisclosureDbContext, AnnouncementEntity>());
    }

    [Fact]
    public async Task A_correction_is_the_next_version_with_its_reason_and_the_first_stays_readable()
    {
        var city = As("320500");
        var published = await city.PublishAnnouncementAsync(AnnouncementTestData.For("320508"));

        var corrected = await city.CorrectAnnouncementAsync(new CorrectAnnouncementRequest
        {
            Id = published.Id, Reason = "值班电话号码有误", ReportPhone = "0512-68005678", EndDate = "2024-11-15",
        });
        var read = await As("320508").GetAnnouncementAsync(new GetAnnouncementRequest { Id = published.Id });

        Assert.Equal(corrected, read);
        Assert.Equal([1, 2], read.Versions.Select(v => v.Version));
        Assert.Equal(("0512-68001234", "2024-11-08"), (read.Versions[0].ReportPhone, read.Versions[0].EndDate));
        Assert.Equal(("0512-68005678", "2024-11-15", "值班电话号码有误"), (read.Current.ReportPhone, read.Current.EndDate, read.Current.Reason));
        Assert.Equal(["end_date", "report_phone"], read.Current.ChangedFields);
        Assert.Equal(published.Current.Team, read.Current.Team);
        var events = await host.QueryAsync<DisclosureDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "disclosure.announcement-corrected" && m.Payload.Contains(published.Id)).Select(m => m.Payload));
        Assert.Contains("\"version\":2", Assert.Single(events));
    }

    [Fact]
    public async Task A_county_does_not_correct_what_its_city_published_nor_does_a_correction_that_changes_nothing_file_a_version()
    {
        var published = await As("320500").PublishAnnouncementAsync(AnnouncementTestData.For("320509"));

        var byCounty = await Assert.ThrowsAsync<RpcException>(() => As("320509").CorrectAnnouncementAsync(new CorrectAnnouncementRequest
        {
            Id = published.Id, Reason = "更正", Team = "虎丘区督察组",
        }).ResponseAsync);
        var nothing = await Assert.ThrowsAsync<RpcException>(() => As("320500").CorrectAnnouncementAsync(new CorrectAnnouncementRequest
        {
            Id = published.Id, Reason = "更正", ReportPhone = published.Current.ReportPhone,
        }).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => As("320500").CorrectAnnouncementAsync(new CorrectAnnouncementRequest
        {
            Id = published.Id, EndDate = "2024-10-01",
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, byCounty.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, nothing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(1, (await As("320500").GetAnnouncementAsync(new GetAnnouncementRequest { Id = published.Id })).Current.Version);
    }

    [Fact]
    public async Task A_correction_moving_the_end_before_the_start_is_refused_naming_end_date()
    {
        var published = await As("320505").PublishAnnouncementAsync(AnnouncementTestData.For("320505"));

        var error = await Assert.ThrowsAsync<RpcException>(() => As("320505").CorrectAnnouncementAsync(new CorrectAnnouncementRequest
        {
            Id = published.Id, Reason = "更正进驻时间", EndDate = "2024-10-01",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "end_date"), (error.StatusCode, InvalidField(error)));
    }

    [Fact]
    public async Task A_city_lists_its_counties_announcements_a_page_at_a_time_and_a_sibling_county_reads_none_of_them()
    {
        var city = As("320500");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await city.PublishAnnouncementAsync(AnnouncementTestData.For("320581", $"苏州市第{i + 3}生态环境保护督察组"))).Id);

        var first = await city.ListAnnouncementsAsync(new ListAnnouncementsRequest { JurisdictionCode = "320581", PageSize = 2 });
        var second = await city.ListAnnouncementsAsync(new ListAnnouncementsRequest { JurisdictionCode = "320581", PageSize = 2, PageToken = first.NextPageToken });
        var cityWide = await city.ListAnnouncementsAsync(new ListAnnouncementsRequest { PageSize = 200 });
        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            As("320582").ListAnnouncementsAsync(new ListAnnouncementsRequest { JurisdictionCode = "320581" }).ResponseAsync);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => As("320582").GetAnnouncementAsync(new GetAnnouncementRequest { Id = ids[0] }).ResponseAsync);

        Assert.Equal(ids.AsEnumerable().Reverse(), first.Announcements.Concat(second.Announcements).Select(a => a.Id));
        Assert.Equal("", second.NextPageToken);
        Assert.Subset(cityWide.Announcements.Select(a => a.Id).ToHashSet(), ids.ToHashSet());
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (sibling.StatusCode, hidden.StatusCode));
    }

    private static string InvalidField(RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field;
}
