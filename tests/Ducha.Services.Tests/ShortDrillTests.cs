using Ducha.Drill.Invariants;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using Ducha.Standalone;

namespace Ducha.Services.Tests;

/// <summary>
/// The short drill the suite runs: twelve days of Hainan's inspection — complaints every morning, the chain from the
/// province to the units, returns, send-backs, supervision, accountability with 容错, cases left to go overdue, bulletins
/// on their cadence, exposures and follow-ups, secondments and a draw revealed, the ranking — on a standalone host whose development clock the drill moves, then the invariant report.
/// </summary>
public sealed class ShortDrillTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Two_weeks_of_a_provinces_inspection_keep_every_invariant()
    {
        await using var host = await StandaloneTestHost.StartAsync(DateTimeOffset.UtcNow, [$"--{DevelopmentClock.Setting}={Start:O}"]);
        await using var target = new DrillTarget(host.Address);
        var clock = await DrillClock.DetectAsync(target.Http);
        var plan = new DrillPlan("460000", Days: 12, ComplaintsPerDay: 10, Seed: 7, Callers: 4);
        var before = await CountSnapshot.TakeAsync(target, plan.ProvinceCode, CancellationToken.None);

        var drill = new MonthDrill(target, clock, plan);
        await drill.RunAsync(CancellationToken.None);
        var checks = await new InvariantReport(target, drill, before, plan.Callers).RunAsync(CancellationToken.None);

        Assert.True(clock.Movable);
        Assert.All(checks, c => Assert.True(c.Held, $"{c.Name}: {c.Seen}"));
        Assert.Equal(9, checks.Count);
        Assert.Equal(120, drill.Ledger.Acknowledged.Count);
        // The week went the whole way for some cases, and the faults the drill plays happened.
        foreach (var operation in new[] { "AssignDown", "ReportHandling", "VerifyReport", "CloseCase", "ReturnCase", "PublishBulletin", "RecordAiring", "RecordFollowUp", "Second", "RevealDraw" })
            Assert.True(drill.Ledger.Calls.GetValueOrDefault(operation) > 0, $"no {operation} in the drill");
    }
}
