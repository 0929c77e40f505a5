using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ducha.Drill.Target;
using Spectre.Console;

namespace Ducha.Drill.Load;

/// <summary>drill load: the table as it is measured, and the same figures as JSON for machines.</summary>
public static class LoadCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(Func<System.CommandLine.Parsing.ArgumentResult, Uri?> address)
    {
        var url = new Option<Uri?>("--url") { Description = "被测单机版的地址；分布式部署改用 --apphost", CustomParser = address };
        var apphost = AppHostOptions.Address();
        var key = AppHostOptions.Key();
        var callers = OptionRules.CallerLevels("--callers", "逐级增加的并发调用方数（以逗号分隔；空为不测逐级加压）", new CallerLevels([1, 4, 8, 16]));
        var seconds = new Option<int>("--seconds") { Description = "每级每项操作的测量秒数", DefaultValueFactory = _ => 5 }.Within(1, 3600);
        var warmUp = new Option<int>("--warmup")
            { Description = "正式测量前，每项操作先以最高并发不计时运行的秒数（新启动的服务在头半分钟里还在重新编译热点代码）；0 为不预热", DefaultValueFactory = _ => 10 }
            .Within(0, 3600);
        var visibility = new Option<double>("--visibility-rate")
            { Description = "以此速率（件/秒，开环）受理 10 秒，测量受理后多久在公开服务可见；0 为不测", DefaultValueFactory = _ => 500 }.Within(0, 20_000);
        var output = new Option<string>("--out") { Description = "结果 JSON 文件", DefaultValueFactory = _ => "drill-load.json" }.FileToWrite();
        var morning = new Option<int>("--morning") { Description = "另测早间批量：在省级受理这么多件后逐级交办到市、到县（如 9000；0 为不测）" }.Within(0, 100_000);
        var morningSingle = new Option<bool>("--morning-single") { Description = "早间批量改用逐件 AssignDown（8 个并发调用方）作对照" };
        var command = new Command("load", "逐级加压测量各操作的吞吐与时延，并在同一次运行中测量管道基线与数据库基线")
            { url, apphost, key, callers, seconds, warmUp, visibility, output, morning, morningSingle };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(url) is null) == (r.GetValue(apphost) is null)) r.AddError("给出 --url（单机版）或 --apphost（分布式）之一");
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            // Written to a file or a pipe, the tables keep one line a row rather than the 80 columns of no terminal.
            if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
            var levels = result.GetValue(callers)!.Levels;
            var deployment = await LoadDeployment.FindAsync(result.GetValue(url), result.GetValue(apphost), result.GetValue(key), cancellationToken);
            await using var target = new DrillTarget(deployment.Cases, deployment.Services);
            var run = new LoadRun(target, deployment, levels, TimeSpan.FromSeconds(result.GetValue(seconds)), TimeSpan.FromSeconds(result.GetValue(warmUp)));
            var results = (await run.RunAsync(line => AnsiConsole.MarkupLine(Markup.Escape(line)),
                r => AnsiConsole.MarkupLine(Markup.Escape($"{r.Operation} ×{r.Callers}: {r.CallsPerSecond:N0}/s")), cancellationToken)).ToList();
            if (result.GetValue(visibility) > 0)
                results.Add(await VisibilityProbe.RunAsync(target, result.GetValue(visibility), TimeSpan.FromSeconds(10), cancellationToken));
            AnsiConsole.Write(LoadTables.Results(deployment, results));
            if (LoadTables.Cpu(deployment.Cpu, results) is { } cpu) AnsiConsole.Write(cpu);
            else AnsiConsole.MarkupLine("未在本机找到被测进程（或本机没有 /proc），不计各进程的 CPU。");
            if (result.GetValue(morning) is > 0 and var cases)
                results = [.. results, .. await new MorningBatch(target, cases, result.GetValue(morningSingle))
                    .RunAsync(line => AnsiConsole.MarkupLine(Markup.Escape(line)), cancellationToken)];
            foreach (var failed in results.Where(r => r.FirstError is not null))
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(failed.Operation)} ×{failed.Callers}[/]：{Markup.Escape(failed.FirstError!)}");
            await File.WriteAllTextAsync(result.GetValue(output)!, JsonSerializer.Serialize(new { machine = Environment.MachineName, cores = Environment.ProcessorCount,
                at = DateTimeOffset.Now, deployment = deployment.Description, results }, Indented), cancellationToken);
            AnsiConsole.MarkupLine($"结果已写入 {Markup.Escape(result.GetValue(output)!)}。");
            return results.Any(r => r.Errors > 0) ? 1 : 0;
        });
        return command;
    }
}
