using Ducha.BuildingBlocks;
using Ducha.Cases.Application;
using Ducha.Cases.Application.Units;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.IntegrationTests.Storage;

/// <summary>The case queries and the intake's retries, through the use cases, on either provider.</summary>
public abstract partial class StoreTests
{
    private static Actor Office(string jurisdiction, string level) => new("test", Role.Office, jurisdiction, level);

    /// <summary>Assigns <paramref name="case"/> down as its holding office would, at <paramref name="at"/>; the hop is stored with it.</summary>
    private static async Task SaveAssignedAsync(IServiceProvider sp, CaseEntity @case, string to, int workingDays, DateTimeOffset at, string? unit = null)
    {
        var units = unit is null ? null : await sp.GetRequiredService<UnitRegisters>().OfAsync(to, default);
        var hop = @case.AssignDown(@case.Holder, new CaseParty(to, unit), workingDays, sp.GetRequiredService<AssignmentRules>(), new AssignmentChain([], @case.Round), at, units);
        var db = sp.GetRequiredService<CasesDbContext>();
        db.Cases.Add(@case);
        db.Assignments.Add(hop);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_assigned_case_keeps_its_holder_deadline_and_delivery_time()
    {
        var assigned = NewCase("320585", Monday, office: "320000", legacy: false);
        await InScopeAsync(async sp => { await SaveAssignedAsync(sp, assigned, "320500", 10, Monday); return 0; });

        var read = await InScopeAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.AsNoTracking()
            .SingleAsync(c => c.HolderJurisdictionCode == "320500" && c.Deadline <= new DateOnly(2024, 10, 18) && c.Id == assigned.Id));

        // Ten working days from Monday 30 September, over the National Day week and its make-up Saturday.
        Assert.Equal(new DateOnly(2024, 10, 18), read.Deadline);
        Assert.Equal(Monday, read.DeliveredAt);
        Assert.Equal(CaseStatus.Assigned, read.Status);
        Assert.Equal("320500", read.ReachedJurisdictionCode);
    }

    [Fact]
    public async Task The_case_list_filters_a_subtree_by_code_prefix_channel_and_day()
    {
        var cases = new[] { NewCase("320581", Monday), NewCase("320581", Monday.AddDays(1), legacy: false), NewCase("320684", Monday) };
        await InScopeAsync(async sp =>
        {
            // Due the Wednesday before: overdue on the Monday the queries run.
            await SaveAssignedAsync(sp, cases[1], "320581", 3, Monday.AddDays(-10), unit: "常熟市生态环境局");
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(cases[0], cases[2]);
            return await db.SaveChangesAsync();
        });
        var city = Office("320500", "city");

        var page = await InScopeAsync(sp => sp.GetRequiredService<ListCases>().HandleAsync(
            "320500", new CaseFilter(Channel: Channel.MayorMailbox, ReceivedFrom: new DateOnly(2024, 9, 30), ReceivedTo: new DateOnly(2024, 9, 30)), 50, null, city, default));
        var counts = await InScopeAsync(sp => sp.GetRequiredService<CountCases>().HandleAsync("320500", city, default));
        var overdue = await InScopeAsync(sp => sp.GetRequiredService<ListCases>().HandleAsync("320500", new CaseFilter(OverdueOnly: true), 50, null, city, default));

        Assert.Equal(1, page.Total);
        Assert.Equal(cases[0].Id, Assert.Single(page.Cases).Case.Id);
        var county = Assert.Single(counts, c => c.JurisdictionCode == "320581");
        Assert.Equal((2, 1, 1, 1), (county.Total, county.ByStatus[CaseStatus.Received], county.ByStatus[CaseStatus.Assigned], county.Overdue));
        Assert.Equal(cases[1].Id, Assert.Single(overdue.Cases).Case.Id);
        Assert.DoesNotContain(counts, c => c.JurisdictionCode == "320684");
    }

    [Fact]
    public async Task The_trend_places_cases_in_their_beijing_weeks_and_a_search_finds_one_by_its_polluter()
    {
        // 如东县, which no other store test uses; the clock stands at Monday 30 September 09:00 Beijing.
        var lastWeek = NewCase("320623", Monday.AddDays(-7));
        var sundayNight = NewCase("320623", Monday.AddHours(-10));    // 23:00 Sunday 29 September in Beijing
        var mondayEarly = NewCase("320623", Monday.AddHours(-8.5));   // 00:30 Monday in Beijing, still Sunday in UTC
        var today = NewCase("320623", Monday.AddMinutes(-30));
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(lastWeek, sundayNight, mondayEarly, today);
            return await db.SaveChangesAsync();
        });
        var county = Office("320623", "county");

        var weeks = await InScopeAsync(sp => sp.GetRequiredService<CountCasesOverTime>().HandleAsync("320623",
            new DateOnly(2024, 9, 16), new DateOnly(2024, 10, 6), TrendInterval.Week, county, default));
        var found = await InScopeAsync(sp => sp.GetRequiredService<ListCases>().HandleAsync("320623", new CaseFilter(Text: today.Id), 50, null, county, default));
        var byName = await InScopeAsync(sp => sp.GetRequiredService<ListCases>().HandleAsync("320623", new CaseFilter(Text: "印染"), 50, null, county, default));

        Assert.Equal([(new DateOnly(2024, 9, 16), 0, 0), (new DateOnly(2024, 9, 23), 2, 2), (new DateOnly(2024, 9, 30), 2, 4)],
            weeks.Select(w => (w.Start, w.Received, w.OpenAtEnd)));
        Assert.Equal([today.Id], found.Cases.Select(c => c.Case.Id));
        Assert.Equal(4, byName.Total);
    }

    [Fact]
    public async Task Paging_through_a_list_shows_every_case_once_even_when_cases_share_a_moment()
    {
        // Two at the same instant, one a few ticks later (below PostgreSQL's microsecond), one before and one after.
        var cases = new[] { NewCase("320681", Monday), NewCase("320681", Monday), NewCase("320681", Monday.AddTicks(5)),
            NewCase("320681", Monday.AddHours(-1)), NewCase("320681", Monday.AddHours(1)) };
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(cases);
            return await db.SaveChangesAsync();
        });

        var seen = new List<CaseEntity>();
        CasePageToken? token = null;
        do
        {
            var after = token;
            var page = await InScopeAsync(sp => sp.GetRequiredService<ListCases>().HandleAsync("320681", CaseFilter.Any, 2, after, Office("320681", "county"), default));
            Assert.Equal(5, page.Total);
            seen.AddRange(page.Cases.Select(v => v.Case));
            token = page.NextPageToken.Length > 0 && CasePageToken.TryParse(page.NextPageToken, out var next) ? next : null;
        }
        while (token is not null);

        Assert.Equal(cases.Select(c => c.Id).Order(), seen.Select(c => c.Id).Order());
        Assert.Equal(cases[4].Id, seen[0].Id);
        Assert.Equal(cases[3].Id, seen[^1].Id);
    }

    [Fact]
    public async Task Repeated_complaints_filed_at_once_are_all_kept_and_all_counted_on_the_case_they_repeat()
    {
        var intake = new CaseIntake("320682", "如皋市城南街道", null, null, "某化工厂", PollutionType.Air, "夜间异味", Channel.Hotline12369, false, null, null, []);
        var hotline = new Actor("hotline", Role.Office, "320682", "county");
        Task<CaseEntity> FileAsync() => InScopeAsync(async sp =>
            (await sp.GetRequiredService<ReceiveComplaint>().HandleAsync(intake, null, hotline, CancellationToken.None)).Case.Case);
        var earlier = await FileAsync();

        // On threads of their own: SQLite's async calls complete synchronously, which would file them one by one.
        var repeats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(FileAsync)));

        Assert.All(repeats, r => Assert.Equal(earlier.Id, r.LinkedCaseId));
        var (stored, chain) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            return (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == earlier.Id),
                await db.Transitions.AsNoTracking().Where(t => t.CaseId == earlier.Id).OrderBy(t => t.Sequence).ToListAsync());
        });
        Assert.Equal(6, stored.RepeatCount);
        Assert.Equal(7, stored.HistoryLength);
        Assert.Equal(7, chain.Count);
        Assert.Null(CaseTransition.FirstBrokenLink(chain));
    }
}
