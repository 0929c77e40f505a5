using System.CommandLine;
using Ducha.Drill.Chaos;
using Ducha.Drill.Invariants;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using System.Globalization;
using Spectre.Console;

namespace Ducha.Drill;

/// <summary>
/// drill chaos: the drill against a running AppHost while each chosen process is killed and started again, then the
/// invariant report with the time each took to recover.
/// </summary>
public static class ChaosCommand
{
    public static Command Create(Option<string> province, Option<int> seed, Option<int> callers, Option<string?> report)
    {
        var apphost = AppHostOptions.Address(new Uri("http://localhost:20263"));
        var key = AppHostOptions.Key();
        var kill = new Option<string[]>("--kill")
        {
            Description = $"要杀掉的进程（可多次）：{string.Join("、", ChaosPlan.Targets)}", AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ChaosPlan.Default,
        };
        kill.AcceptOnlyFromAmong(ChaosPlan.Targets);
        var perDay = new Option<int>("--per-day") { DefaultValueFactory = _ => 30, Description = "每轮受理的举报件数" }.Within(1, DrillCommands.MaxPerDay);
        var list = new Option<bool>("--list") { Description = "只列出 AppHost 的资源及其进程号、状态，不演练" };
        var logs = new Option<string?>("--logs") { Description = "只打印该资源的控制台输出，不演练" };
        var command = new Command("chaos", "对运行中的 AppHost 跑一场演练，其间按种子在各轮中 kill -9 并重启所选进程，再核对不变量并报告恢复用时")
            { apphost, key, kill, perDay, list, logs, province, seed, callers, report };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var resources = await AppHostResources.ConnectAsync(result.GetValue(apphost)!, result.GetValue(key), cancellationToken);
            if (result.GetValue(list)) { PrintResources(resources); return 0; }
            if (result.GetValue(logs) is { } name)
            {
                name = resources.Named(name) switch
                {
                    [var one] => one.Name,
                    [] => throw new DrillSetupException($"AppHost 没有名为 '{name}' 的资源；drill chaos --list 列出全部。"),
                    var replicas => throw new DrillSetupException($"'{name}' 有 {replicas.Count} 个副本（{string.Join("、", replicas.Select(r => r.Name))}），给出其中之一。"),
                };
                foreach (var line in await resources.LogTailAsync(name, int.MaxValue - 1, cancellationToken)) Console.WriteLine(line);
                return 0;
            }
            var targets = (result.GetValue(kill) ?? ChaosPlan.Default).Distinct().ToList();
            var plan = new DrillPlan(result.GetValue(province)!, ChaosPlan.RoundsFor(targets.Count), result.GetValue(perDay), result.GetValue(seed), result.GetValue(callers));
            var faults = ChaosPlan.Draw(targets, plan.Days, plan.Seed);
            await resources.ReadyAsync([.. DrillTarget.ServiceNames, .. targets.Select(ChaosPlan.ResourceOf)], TimeSpan.FromMinutes(3), cancellationToken);
            var services = ServiceAddresses(resources);
            var injector = new FaultInjector(resources, faults, plan.Seed);
            var outages = new DrillOutages();
            AnsiConsole.MarkupLine(Markup.Escape($"故障计划：{string.Join("；", faults.Select(f => $"第 {f.Round} 轮 {f.Into.TotalSeconds:0.0} 秒后杀 {f.Target}，停 {f.Down.TotalSeconds:0.0} 秒"))}"));
            var hooks = new DrillCommands.DrillHooks(outages, injector.OnRoundAsync, () => SettleAsync(resources, injector, faults, cancellationToken),
                () => new { faults = injector.Recoveries.Select(r => new { target = r.Fault.Target, resource = r.Resource, round = r.Fault.Round,
                    killed = r.ProcessesKilled, starts = r.Starts, runningSeconds = r.Running.TotalSeconds, healthySeconds = r.Healthy.TotalSeconds }), retried = outages.Retries });
            var checks = await DrillCommands.DrillAsync(services["cases"], plan, result.GetValue(report), cancellationToken, services, hooks);
            PrintRecoveries(injector, outages);
            return checks.All(c => c.Held) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Each service's address as the AppHost publishes it (its proxy, which stays put while the process behind it is replaced).</summary>
    internal static Dictionary<string, Uri> ServiceAddresses(AppHostResources resources) =>
        DrillTarget.ServiceNames.ToDictionary(name => name, name =>
            resources.Named(name).SelectMany(r => r.Urls).Where(u => u.StartsWith("http://", StringComparison.Ordinal)).Select(u => new Uri(u)).FirstOrDefault()
            ?? throw new DrillSetupException($"AppHost 没有为 {name} 发布 http 地址。"), StringComparer.Ordinal);

    /// <summary>Every fault recovered from and every resource running and healthy again, before the invariants are checked.</summary>
    private static async Task<Check> SettleAsync(AppHostResources resources, FaultInjector injector, IReadOnlyList<Fault> faults, CancellationToken cancellationToken)
    {
        try
        {
            await injector.AllRecoveredAsync();
            foreach (var resource in resources.All.Where(r => r.Pid is not null))
                await resources.WaitAsync(resource.Name, r => r.Running && r.Healthy, TimeSpan.FromMinutes(2), cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            return new Check("每次故障后恢复", false, e.Message);
        }
        var slowest = injector.Recoveries.MaxBy(r => r.Healthy);
        return new Check("每次故障后恢复", injector.Recoveries.Count == faults.Count,
            $"{injector.Recoveries.Count}/{faults.Count} 次 kill -9 后重启并恢复健康" + (slowest is null ? "" : $"，最慢 {slowest.Fault.Target} {slowest.Healthy.TotalSeconds:0.0} 秒"));
    }

    private static void PrintRecoveries(FaultInjector injector, DrillOutages outages)
    {
        var table = new Table().Title("故障与恢复").AddColumn("进程").AddColumn("资源").AddColumn(new TableColumn("轮").RightAligned())
            .AddColumn(new TableColumn("杀掉进程数").RightAligned()).AddColumn(new TableColumn("启动次数").RightAligned()).AddColumn(new TableColumn("重新运行（秒）").RightAligned())
            .AddColumn(new TableColumn("恢复健康（秒）").RightAligned());
        foreach (var r in injector.Recoveries.OrderBy(r => r.Fault.Round))
            table.AddRow(r.Fault.Target, Markup.Escape(r.Resource), r.Fault.Round.ToString(CultureInfo.InvariantCulture), r.ProcessesKilled.ToString(CultureInfo.InvariantCulture), r.Starts.ToString(CultureInfo.InvariantCulture),
                r.Running.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), r.Healthy.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"因故障重发的调用：{outages.Retries.Values.Sum():N0} 次（{string.Join("，", outages.Retries.OrderByDescending(r => r.Value).Take(6).Select(r => $"{r.Key} {r.Value}"))}）"));
    }

    /// <summary>One resource per line (name, display name, type, state, healthy, pid, addresses), for people and for scripts alike.</summary>
    private static void PrintResources(AppHostResources resources)
    {
        foreach (var r in resources.All.OrderBy(r => r.Name, StringComparer.Ordinal))
            Console.WriteLine(string.Join('\t', r.Name, r.DisplayName, r.Type, r.State, r.Healthy ? "healthy" : "-",
                r.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-", string.Join(' ', r.Urls)));
    }
}
