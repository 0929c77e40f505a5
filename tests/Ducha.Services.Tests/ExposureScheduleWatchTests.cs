using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>The weekly signals, raised by a pass of the host's schedule watch run as of a chosen moment.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureScheduleWatchTests(StandaloneFixture host)
{
    private static DateTimeOffset Beijing(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private Task<List<string>> SignalsAsync(string topic, string columnId, string periodStart) =>
        host.QueryAsync<ExposureDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == topic && m.Payload.Contains(columnId) && m.Payload.Contains("\"periodStart\":\"" + periodStart + "\"")).Select(m => m.Payload));

    [Fact]
    public async Task A_week_planned_short_is_signalled_once_on_an_air_day_and_missed_once_when_three_can_no_longer_air()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var client = ExposureTestData.Client(host.Invoker);
        var problem = await client.ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));
        foreach (var day in new[] { "2024-10-14", "2024-10-16" })
            await client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = day, ExposureIds = { problem.Id } });
        var watch = host.Services.GetRequiredService<ScheduleWatch>();

        await watch.SweepAsync(Beijing(10, 14, 9), CancellationToken.None); // Monday: two planned, Friday still open
        await watch.SweepAsync(Beijing(10, 14, 10), CancellationToken.None);
        var shortOnMonday = await SignalsAsync("exposure.schedule-short", column.Id, "2024-10-14");
        var missedOnMonday = await SignalsAsync("exposure.minimum-missed", column.Id, "2024-10-14");
        await watch.SweepAsync(Beijing(10, 17, 9), CancellationToken.None); // Thursday: nothing aired, only Friday left
        await watch.SweepAsync(Beijing(10, 18, 9), CancellationToken.None);

        Assert.Single(shortOnMonday);
        Assert.Empty(missedOnMonday);
        Assert.Single(await SignalsAsync("exposure.minimum-missed", column.Id, "2024-10-14"));
        Assert.Single(await SignalsAsync("exposure.schedule-short", column.Id, "2024-10-14"));
    }

    [Fact]
    public async Task A_week_with_its_three_programmes_planned_raises_nothing()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var client = ExposureTestData.Client(host.Invoker);
        var problem = await client.ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));
        foreach (var day in new[] { "2024-10-21", "2024-10-23", "2024-10-25" })
            await client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = day, ExposureIds = { problem.Id } });

        await host.Services.GetRequiredService<ScheduleWatch>().SweepAsync(Beijing(10, 21, 9), CancellationToken.None);

        Assert.Empty(await SignalsAsync("exposure.schedule-short", column.Id, "2024-10-21"));
        Assert.Empty(await SignalsAsync("exposure.minimum-missed", column.Id, "2024-10-21"));
    }
}
