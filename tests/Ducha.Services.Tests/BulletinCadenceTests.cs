using System.Text.Json;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application.Bulletins;
using Ducha.Disclosure.Data;
using Ducha.EventBus.EntityFramework.Outbox;
using Microsoft.Extensions.DependencyInjection;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Services.Tests;

/// <summary>
/// A host of its own whose clock the tests move day by day. It starts at 10:00 on Wednesday 6 November 2024, a month
/// with no public holiday, so every-3-days periods fall Wed–Fri and Sat–Mon and the first period's due-by crosses a
/// weekend only: Wed 6–Fri 8 is due by Monday 11 and overdue from Tuesday 12.
/// </summary>
public sealed class BulletinCadenceFixture : StandaloneFixture
{
    public static readonly DateTimeOffset Wednesday = new(2024, 11, 6, 10, 0, 0, TimeSpan.FromHours(8));

    protected override DateTimeOffset Start => Wednesday;

    public Ducha.BuildingBlocks.Time.MovableClock Clock => (Ducha.BuildingBlocks.Time.MovableClock)Services.GetRequiredService<TimeProvider>();
}

/// <summary>
/// The cadence watch over a city publishing every 3 days: with the clock moved across the days, the city's draft
/// appears once its period is over, with the city's cases in it; a period left unpublished past its due-by raises one
/// <c>disclosure.bulletin-overdue</c> however often the watch passes, and a period published on time raises none.
/// </summary>
public sealed class BulletinCadenceTests(BulletinCadenceFixture host) : IClassFixture<BulletinCadenceFixture>
{
    private const string Overdue = "disclosure.bulletin-overdue";
    private static readonly DateOnly Wed6 = new(2024, 11, 6), Fri8 = new(2024, 11, 8), Sat9 = new(2024, 11, 9), Mon11 = new(2024, 11, 11);

    private readonly DisclosureSteps _steps = new(host, "320402", "天宁区");
    private DisclosureClient City => _steps.Disclosure(DisclosureSteps.City);

    private DateOnly Today => Ducha.Reference.Calendar.BeijingTime.DateOf(host.Clock.GetUtcNow());

    /// <summary>Moves the clock to 10:00 of the next day and runs a pass of the host's watch, as its timer would.</summary>
    private Task<(int Drafted, int Overdue)> NextDayAsync()
    {
        host.Clock.Advance(TimeSpan.FromDays(1));
        return SweepAsync();
    }

    private Task<(int Drafted, int Overdue)> SweepAsync() => host.Services.GetRequiredService<BulletinWatch>().SweepAsync(CancellationToken.None);

    private async Task<string?> BulletinOfAsync(DateOnly start, DateOnly end) =>
        (await host.QueryAsync<DisclosureDbContext, string>(db => db.Bulletins
            .Where(b => b.JurisdictionCode == DisclosureSteps.City && b.PeriodStart == start && b.PeriodEnd == end).Select(b => b.Id))).SingleOrDefault();

    /// <summary>The overdue events the disclosure service committed for the city's <paramref name="bulletinId"/>, as their data.</summary>
    private async Task<List<JsonElement>> OverdueEventsAsync(string bulletinId)
    {
        var payloads = await host.QueryAsync<DisclosureDbContext, string>(db => db.Set<OutboxMessage>().Where(m => m.Topic == Overdue).Select(m => m.Payload));
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("data").Clone())
            .Where(d => d.GetProperty("bulletinId").GetString() == bulletinId)];
    }

    /// <summary>Waits until the city's read model has <paramref name="count"/> cases in on <paramref name="day"/>, facts fetched.</summary>
    private async Task CityHasAsync(DateOnly day, int count)
    {
        var summary = await Ducha.Testing.Eventually.UntilAsync(() => City.GetCaseSummaryAsync(new GetCaseSummaryRequest
        {
            JurisdictionCode = DisclosureSteps.City, From = $"{day:yyyy-MM-dd}", To = $"{day:yyyy-MM-dd}",
        }).ResponseAsync, s => s.Transferred == count && s.FactsPending == 0, TimeSpan.FromSeconds(30));
        Assert.Equal((count, 0), (summary.Transferred, summary.FactsPending));
    }

    [Fact]
    public async Task The_citys_draft_appears_when_its_period_ends_and_an_unpublished_period_raises_one_overdue_event()
    {
        await City.SetBulletinCadenceAsync(new SetBulletinCadenceRequest
        {
            JurisdictionCode = DisclosureSteps.City, Kind = CadenceKind.EveryDays, EveryDays = 3, StartDate = $"{Wed6:yyyy-MM-dd}",
        });
        var closed = await _steps.ClosedAsync();
        var inHand = await _steps.AtUnitAsync();
        await CityHasAsync(Wed6, 2);

        // Wednesday and Thursday the period Wed 6–Fri 8 is still running; Friday is its last day, still no draft.
        await SweepAsync();
        await NextDayAsync();
        await NextDayAsync();
        var draftOnFriday = await BulletinOfAsync(Wed6, Fri8);
        await NextDayAsync(); // Saturday 9: the period is over
        var first = await BulletinOfAsync(Wed6, Fri8);
        var drafted = first is null ? null : await City.GetBulletinAsync(new GetBulletinRequest { Id = first });

        Assert.Equal(new DateOnly(2024, 11, 9), Today);
        Assert.Null(draftOnFriday);
        Assert.NotNull(drafted);
        Assert.Equal((BulletinState.Draft, 2, 1, 1), (drafted.State, drafted.Transferred, drafted.Closed, drafted.InHand));
        Assert.Equal([closed.Id, inHand.Id], drafted.Cases.Select(c => c.CaseId));
        Assert.Equal("经现场核查，该企业雨水排口夜间排放生产废水属实。", drafted.Cases[0].Findings);

        // A case filed on Monday belongs to the second period, Sat 9–Mon 11, which the city will publish on time (filed at
        // the weekend it would reach the city on Monday all the same: assignments wait out the quiet hours).
        await NextDayAsync();
        await NextDayAsync(); // Monday 11: the first period's due-by; not overdue yet
        var monday = await _steps.AtUnitAsync();
        await CityHasAsync(Mon11, 1);
        var overdueOnDueBy = await OverdueEventsAsync(first!);
        // Tuesday 12: the first period is overdue, the second drafted; two passes at once (a second instance's watch) announce it once.
        host.Clock.Advance(TimeSpan.FromDays(1));
        var tuesday = await Task.WhenAll(SweepAsync(), SweepAsync());
        var second = await BulletinOfAsync(Sat9, Mon11);
        var published = await City.PublishBulletinAsync(new PublishBulletinRequest { Id = second! });
        var later = new List<(int Drafted, int Overdue)>();
        foreach (var _ in Enumerable.Range(0, 3)) later.Add(await SweepAsync()); // the watch passes again and again
        later.Add(await NextDayAsync()); // Wednesday 13
        later.Add(await NextDayAsync()); // Thursday 14: past the second period's due-by (Tuesday 12) as well

        Assert.Empty(overdueOnDueBy);
        Assert.Equal(1, tuesday.Sum(pass => pass.Overdue));
        Assert.All(later, pass => Assert.Equal(0, pass.Overdue));
        var raised = Assert.Single(await OverdueEventsAsync(first!));
        Assert.Equal(("2024-11-06", "2024-11-08", "2024-11-11"),
            (raised.GetProperty("periodStart").GetString(), raised.GetProperty("periodEnd").GetString(), raised.GetProperty("dueBy").GetString()));
        Assert.Equal(DisclosureSteps.City, raised.GetProperty("jurisdictionCode").GetString());
        Assert.Equal((BulletinState.Published, monday.Id), (published.State, Assert.Single(published.Cases).CaseId));
        Assert.Empty(await OverdueEventsAsync(second!));
        Assert.Equal(BulletinState.Draft, (await City.GetBulletinAsync(new GetBulletinRequest { Id = first! })).State);
    }
}
