using System.Diagnostics;
using Ducha.Contracts.Cases.V1;
using Ducha.Drill.Chaos;
using Ducha.Drill.Scenario;

namespace Ducha.Services.Tests;

/// <summary>
/// The parts of drill chaos that run without an AppHost: the seeded fault plan, killing a whole process tree, and where a
/// case's walk goes on after an answer lost to an outage.
/// </summary>
public sealed class DrillChaosTests
{
    [Fact]
    public void A_seed_draws_the_same_faults_each_target_once_in_distinct_rounds_between_the_first_and_the_last()
    {
        var rounds = ChaosPlan.RoundsFor(ChaosPlan.Default.Length);

        var plan = ChaosPlan.Draw(ChaosPlan.Default, rounds, seed: 263);

        Assert.Equal(plan, ChaosPlan.Draw(ChaosPlan.Default, rounds, seed: 263));
        Assert.NotEqual(plan, ChaosPlan.Draw(ChaosPlan.Default, rounds, seed: 264));
        Assert.Equal(ChaosPlan.Default.Order(), plan.Select(f => f.Target).Order());
        Assert.Equal(plan.Count, plan.Select(f => f.Round).Distinct().Count());
        Assert.All(plan, f => Assert.InRange(f.Round, 1, rounds - 2));
        Assert.All(plan, f => Assert.InRange(f.Into.TotalSeconds, 0, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChaosPlan.Draw(ChaosPlan.Default, rounds - 1, seed: 263));
        Assert.Equal(("rabbitmq-server", "postgres", "cases"), (ChaosPlan.ResourceOf("broker"), ChaosPlan.ResourceOf("database"), ChaosPlan.ResourceOf("cases")));
    }

    [Fact]
    public async Task Killing_a_process_kills_everything_it_started_and_waits_until_none_is_left()
    {
        using var root = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 300 & sleep 300 & (sleep 300 & wait) & wait"]))!;
        await Ducha.Testing.Eventually.UntilAsync(() => Task.FromResult(ProcessTree.Descendants(root.Id).Count), n => n >= 4, TimeSpan.FromSeconds(10));
        var tree = ProcessTree.Descendants(root.Id);

        var killed = ProcessTree.Kill(root.Id);
        await root.WaitForExitAsync();

        Assert.Equal(tree.Count + 1, killed.Count);
        // Dead, and reaped where this machine's init reaps orphans (a container's first process may not: then zombies).
        var alive = await Ducha.Testing.Eventually.UntilAsync(() => Task.FromResult(killed.Where(Running).ToList()), a => a.Count == 0, TimeSpan.FromSeconds(10));
        Assert.Empty(alive);
    }

    private static bool Running(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] != 'Z'; }
        catch (IOException) { return false; }
    }

    [Theory]
    [InlineData(CaseStatus.Received, "", "", CaseStep.ToCity)]
    [InlineData(CaseStatus.Assigned, "320100", "", CaseStep.ToCounty)]
    [InlineData(CaseStatus.Assigned, "320102", "", CaseStep.ToUnit)]
    [InlineData(CaseStatus.Assigned, "320102", "玄武区生态环境局", CaseStep.Report)]
    [InlineData(CaseStatus.Returned, "320102", "", CaseStep.ToUnit)]
    [InlineData(CaseStatus.SentBack, "320102", "玄武区生态环境局", CaseStep.Report)]
    [InlineData(CaseStatus.Reported, "320102", "", CaseStep.CountyVerifies)]
    [InlineData(CaseStatus.Reported, "320100", "", CaseStep.CityVerifies)]
    [InlineData(CaseStatus.Reported, "320000", "", CaseStep.ProvinceVerifies)]
    [InlineData(CaseStatus.Verified, "320000", "", CaseStep.Close)]
    [InlineData(CaseStatus.Closed, "320000", "", CaseStep.None)]
    public void After_a_lost_answer_the_walk_goes_on_from_the_case_as_stored(CaseStatus status, string holder, string unit, CaseStep next)
    {
        var drill = new DrillCase(new CreateCaseRequest { JurisdictionCode = "320102" }, "case-1", "320100", CaseFate.Handled, supervised: false, accountable: false);

        var step = CaseResume.NextStep(drill, new Case { Status = status, HolderJurisdictionCode = holder, HolderUnit = unit }, "320000");

        Assert.Equal(next, step);
        Assert.Equal(status == CaseStatus.Returned, drill.Returned);
        Assert.Equal(status == CaseStatus.Returned ? 1 : 0, drill.UnitKind);
        Assert.Equal(status == CaseStatus.SentBack, drill.SentBack);
    }
}
