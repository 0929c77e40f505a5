using System.CommandLine;
using Ducha.Drill.Invariants;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using Ducha.Standalone;
using Spectre.Console;

namespace Ducha.Drill;

/// <summary>The drill's commands: demo fills a standalone host for people to look at; run drives any deployment and reports.</summary>
public static class DrillCommands
{
    internal static readonly Option<string> Province = new Option<string>("--province") { Description = "省级行政区代码", DefaultValueFactory = _ => "320000" }.ProvinceCode();
    internal static readonly Option<int> Seed = new("--seed") { Description = "随机种子：同一种子、同一起点得到同一场演练", DefaultValueFactory = _ => 263 };
    internal static readonly Option<int> Callers = new Option<int>("--callers") { Description = "并发调用方数", DefaultValueFactory = _ => 8 }.Within(1, OptionRules.MaxCallers);
    /// <summary>A drill of no days or no complaints checks nothing; these bounds keep a typing slip from running for days.</summary>
    internal const int MaxDays = 366, MaxPerDay = 10_000;
    internal static readonly Option<string?> Report = new Option<string?>("--report") { Description = "另将不变量报告写入此 JSON 文件（供脚本核对）" }.FileToWrite();

    /// <summary>Every command, as the drill's command line reads it.</summary>
    public static RootCommand Root() => new("督察演练（drill）：以一个省的督察月检验 Ducha — 造数、跑通、核对不变量。")
    {
        Demo(),
        Run(),
        ChaosCommand.Create(Province, Seed, Callers, Report),
        Load.LoadCommand.Create(Address),
    };

    /// <summary>An absolute http(s) address, or the parse error naming what was given.</summary>
    public static Uri? Address(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        result.AddError($"'{text}' 不是 http(s) 地址，例如 http://localhost:8263");
        return null;
    }

    public static Command Demo()
    {
        var url = new Option<Uri?>("--url") { Description = "已在运行的单机版地址（须在开发环境并设置 Standalone__ClockStart）；不给则本进程启动一个新的单机版", CustomParser = Address };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 30, Description = "模拟天数" }.Within(1, MaxDays);
        var perDay = new Option<int>("--per-day") { DefaultValueFactory = _ => 60, Description = "每天早上受理的举报件数" }.Within(1, MaxPerDay);
        var start = new Option<DateOnly>("--start") { DefaultValueFactory = _ => new DateOnly(2026, 4, 1), Description = "自行启动单机版时的开始日期（北京时间）" };
        var command = new Command("demo", "在一个新的单机版里造出一个省的督察月，供在工作台中查看") { url, days, perDay, start, Province, Seed, Callers, Report };
        command.SetAction(async (result, cancellationToken) =>
        {
            var plan = new DrillPlan(result.GetValue(Province)!, result.GetValue(days), result.GetValue(perDay), result.GetValue(Seed), result.GetValue(Callers));
            await using var host = result.GetValue(url) is null ? await DemoHost.StartAsync(result.GetValue(start), cancellationToken) : null;
            var checks = await DrillAsync(result.GetValue(url) ?? host!.Address, plan, result.GetValue(Report), cancellationToken);
            if (host is null) return checks.All(c => c.Held) ? 0 : 1;
            AnsiConsole.MarkupLine($"[bold]工作台：[/]{host.Address}（在登录页选择江苏省或其下的市、县和角色）；数据目录 {host.DataDir}。按 Ctrl+C 停止。");
            await host.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    public static Command Run()
    {
        var url = new Option<Uri?>("--url") { Description = "被演练部署的地址（单机版；分布式时为案件服务，另以 --service 给出其余服务）", CustomParser = Address };
        var apphost = AppHostOptions.Address();
        var key = AppHostOptions.Key();
        var service = OptionRules.ServiceAddresses("--service", "分布式部署各服务地址，如 exposure=http://localhost:5102（可多次）");
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7, Description = "模拟天数（实时时钟下为轮数）" }.Within(1, MaxDays);
        var perDay = new Option<int>("--per-day") { DefaultValueFactory = _ => 40, Description = "每天（每轮）受理的举报件数" }.Within(1, MaxPerDay);
        var command = new Command("run", "对任一部署跑一场演练，打印不变量报告；全部成立时退出码为 0") { url, service, apphost, key, days, perDay, Province, Seed, Callers, Report };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(url) is null) == (r.GetValue(apphost) is null)) r.AddError("给出 --url（单机版或案件服务）或 --apphost（运行中的 AppHost）之一");
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var plan = new DrillPlan(result.GetValue(Province)!, result.GetValue(days), result.GetValue(perDay), result.GetValue(Seed), result.GetValue(Callers));
            var services = new Dictionary<string, Uri>(result.GetValue(service)!, StringComparer.Ordinal);
            var address = result.GetValue(url);
            if (address is null)
            {
                var deployment = await Load.LoadDeployment.FindAsync(null, result.GetValue(apphost), result.GetValue(key), cancellationToken);
                (address, services) = (deployment.Cases, new Dictionary<string, Uri>(deployment.Services!, StringComparer.Ordinal));
            }
            var checks = await DrillAsync(address, plan, result.GetValue(Report), cancellationToken, services);
            return checks.All(c => c.Held) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Optional parts of a drill: faults put in as rounds begin, and a wait for the deployment to settle before the checks.</summary>
    internal sealed record DrillHooks(DrillOutages? Outages = null, RoundStarting? RoundStarting = null, Func<Task<Check>>? Settle = null,
        Func<object>? ReportExtra = null);

    internal static async Task<IReadOnlyList<Check>> DrillAsync(Uri address, DrillPlan plan, string? report, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, Uri>? services = null, DrillHooks? hooks = null)
    {
        await using var target = new DrillTarget(address, services, hooks?.Outages);
        var clock = await DrillClock.DetectAsync(target.Http);
        AnsiConsole.MarkupLine($"演练 {address}：{plan.Days} 天 × 每天 {plan.ComplaintsPerDay} 件，种子 {plan.Seed}，{(clock.Movable ? "开发时钟逐日推进" : "实时时钟，每天为一轮")}。");
        var before = await CountSnapshot.TakeAsync(target, plan.ProvinceCode, cancellationToken);
        var started = DateTime.UtcNow;
        var drill = new MonthDrill(target, clock, plan, hooks?.RoundStarting);
        await drill.RunAsync(cancellationToken);
        var elapsed = DateTime.UtcNow - started;
        var settled = hooks?.Settle is null ? null : await hooks.Settle();
        IReadOnlyList<Check> checks = [.. await new InvariantReport(target, drill, before, plan.Callers).RunAsync(cancellationToken),
            .. settled is null ? Array.Empty<Check>() : [settled]];
        DrillReport.Print(drill, checks, elapsed);
        if (report is not null) await DrillReport.WriteAsync(report, drill, checks, elapsed, hooks?.ReportExtra?.Invoke(), cancellationToken);
        return checks;
    }
}
