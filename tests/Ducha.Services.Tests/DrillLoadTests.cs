using Ducha.Drill.Load;
using Ducha.Drill.Target;
using Spectre.Console;

namespace Ducha.Services.Tests;

/// <summary>
/// drill load against a standalone host, one short step of each kind: every operation is measured without an error,
/// each beside the floor it is compared with, the CPU each call cost the host and the drill is read, and the table an
/// operator reads carries them all.
/// </summary>
public sealed class DrillLoadTests
{
    [Fact]
    public async Task A_short_load_measures_every_operation_beside_its_floors()
    {
        await using var host = await StandaloneTestHost.StartAsync(DateTimeOffset.UtcNow, []);
        var deployment = await LoadDeployment.FindAsync(host.Address, null, null, CancellationToken.None);
        await using var target = new DrillTarget(deployment.Cases, deployment.Services);
        var steps = new List<string>();

        var results = (await new LoadRun(target, deployment, [2], TimeSpan.FromSeconds(1), TimeSpan.Zero)
            .RunAsync(steps.Add, _ => { }, CancellationToken.None)).ToList();
        results.Add(await VisibilityProbe.RunAsync(target, 20, TimeSpan.FromSeconds(2), CancellationToken.None));

        // Each step is announced as it starts, the floor too, so a profiler's figures can be read against it.
        Assert.Equal(results.Take(5).Select(r => $"开始测量：{r.Operation} ×2，1 秒"), steps.Where(s => s.StartsWith("开始测量：", StringComparison.Ordinal)));
        Assert.All(results, r => Assert.True(r.Calls > 0 && r.Errors == 0, $"{r.Operation}: {r.Calls} calls, {r.Errors} errors, first: {r.FirstError}"));
        var (pipeline, database, create, read, chain) = (results[0], results[1], results[2], results[3], results[4]);
        Assert.StartsWith("管道基线", pipeline.Operation, StringComparison.Ordinal);
        Assert.StartsWith("SQLite", database.Operation, StringComparison.Ordinal);
        Assert.Equal(create.CallsPerSecond / database.CallsPerSecond, create.RatioToFloor!.Value, 6);
        Assert.Equal(read.CallsPerSecond / pipeline.CallsPerSecond, read.RatioToFloor!.Value, 6);
        Assert.Equal(chain.CallsPerSecond * 9 / pipeline.CallsPerSecond, chain.RatioToFloor!.Value, 6);
        // The host listens in this very process, so the drill finds it through /proc and reads what each call cost.
        Assert.All(results.Take(5).Where(r => r != database), r => Assert.True(r.CpuMsPerCall!.Count == 2 && r.CpuMsPerCall.Values.Sum() > 0, r.Operation));
        var visible = results[5];
        Assert.True(visible.P50Ms > 0 && visible.P99Ms >= visible.P50Ms, $"visibility p50 {visible.P50Ms} p99 {visible.P99Ms}");

        var printed = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(printed), Ansi = AnsiSupport.No });
        console.Profile.Width = 240;
        console.Write(LoadTables.Results(deployment, results));
        console.Write(LoadTables.Cpu(deployment.Cpu, results)!);
        var table = printed.ToString();
        foreach (var r in results) Assert.Contains(r.Operation, table, StringComparison.Ordinal);
        Assert.Contains("基线", table, StringComparison.Ordinal);
        Assert.Contains(ProcessCpu.Drill, table, StringComparison.Ordinal);
    }
}
