using Ducha.BuildingBlocks;
using Ducha.Disclosure.Application;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.Reference.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.IntegrationTests.Storage;

/// <summary>Disclosure's announcements on both providers: versions, dates, hours and venues read back; the public site's queries translate.</summary>
public abstract partial class StoreTests
{
    /// <summary>The county, its city and province (which list it), and a sibling county (which does not).</summary>
    private static readonly string[] StampedLevels = ["320505", "320500", "320000", "320506"];

    [Fact]
    public async Task An_announcement_and_its_versions_read_back_and_the_public_queries_stamp_and_list_it_for_each_level()
    {
        var city = new Actor("clerk", Role.Office, "320500", "city");
        var content = new AnnouncementContent
        {
            Team = "苏州市第一生态环境保护督察组", StartDate = new DateOnly(2024, 10, 8), EndDate = new DateOnly(2024, 11, 8), ReportPhone = "0512-68001234",
            PhoneHours = new PhoneHours(new TimeOnly(8, 30), new TimeOnly(17, 30)), PostalBox = "苏州市A001号邮政信箱",
            Venues = [AnnouncementVenue.Tv, AnnouncementVenue.GovernmentWebsite],
        };
        var id = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var announcement = Announcement.Publish(sp.GetRequiredService<JurisdictionTree>(), "320505", content, city, "key-1", Monday);
            db.Announcements.Add(announcement);
            await db.SaveChangesAsync();
            return announcement.Id;
        });
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var announcement = await db.Announcements.SingleAsync(a => a.Id == id);
            announcement.Correct(new AnnouncementAmendment(ReportPhone: "12369"), "值班电话号码有误", city, sp.GetRequiredService<JurisdictionTree>(), Monday.AddHours(1));
            return await db.SaveChangesAsync();
        });

        var (read, stamps, listed, version, before) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var tree = sp.GetRequiredService<JurisdictionTree>();
            var reader = new ReadPublicAnnouncements(db);
            var stamps = new List<AnnouncementStamp>();
            foreach (var code in StampedLevels) stamps.Add(await reader.StampAsync(tree.Get(code), CancellationToken.None));
#pragma warning disable CA1309 // as ListAnnouncements pages: the database compares the ids
            var before = await db.Announcements.Where(a => string.Compare(a.Id, "ffffffff") < 0).Select(a => a.Id).ToListAsync();
#pragma warning restore CA1309
            return (await reader.FindAsync(id, CancellationToken.None), stamps, await reader.ListAsync(tree.Get("320000"), CancellationToken.None),
                await reader.VersionAsync(id, CancellationToken.None), before);
        });

        Assert.NotNull(read);
        Assert.Equal((2, "320500", "320000"), (read.Version, read.CityCode, read.ProvinceCode));
        Assert.Equal(["0512-68001234", "12369"], read.Versions.OrderBy(v => v.Number).Select(v => v.ReportPhone));
        var first = read.VersionNumbered(1)!;
        Assert.Equal((new DateOnly(2024, 10, 8), new DateOnly(2024, 11, 8), "08:30-17:30"), (first.StartDate, first.EndDate, first.PhoneHours.ToString()));
        Assert.Equal([AnnouncementVenue.Tv, AnnouncementVenue.GovernmentWebsite], first.Venues);
        Assert.Equal(("值班电话号码有误", Monday.AddHours(1)), (read.Current.Reason, read.UpdatedAt));
        Assert.Equal([new(1, 2), new(1, 2), new(1, 2), new AnnouncementStamp(0, 0)], stamps);
        Assert.Equal(id, Assert.Single(listed).Id);
        Assert.Equal(2, Assert.Single(listed).Versions.Count);
        Assert.Equal(2, version);
        Assert.Equal([id], before);
    }
}
