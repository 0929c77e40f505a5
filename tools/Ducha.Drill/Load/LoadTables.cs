using System.Globalization;
using Spectre.Console;

namespace Ducha.Drill.Load;

/// <summary>What drill load prints: each step with its floor, and, where the processes run here, the CPU each call cost each of them.</summary>
public static class LoadTables
{
    public static Table Results(LoadDeployment deployment, IEnumerable<LoadResult> results)
    {
        var table = new Table().Title($"drill load：{deployment.Description}，{Environment.ProcessorCount} 核，{DateTime.Now:yyyy-MM-dd HH:mm}")
            .AddColumn("操作").AddColumn(new TableColumn("并发").RightAligned()).AddColumn(new TableColumn("次/秒").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("错误").RightAligned()).AddColumn(new TableColumn("与基线之比").RightAligned())
            .AddColumn(new TableColumn("部署 CPU ms/次").RightAligned());
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.Operation), r.Callers.ToString(CultureInfo.InvariantCulture), r.CallsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                Ms(r.P50Ms), Ms(r.P99Ms), r.Errors.ToString(CultureInfo.InvariantCulture),
                r.RatioToFloor is { } ratio ? ratio.ToString("P1", CultureInfo.InvariantCulture) : "基线",
                r.CpuMsPerCall is { } cpu ? Cpu(cpu.Where(c => c.Key != ProcessCpu.Drill).Sum(c => c.Value)) : "-");
        return table;
    }

    /// <summary>One row a measured step, one column a process (replicas together), the drill's own last; null when no CPU was read.</summary>
    public static Table? Cpu(ProcessCpu? processes, IEnumerable<LoadResult> results)
    {
        var measured = results.Where(r => r.CpuMsPerCall is not null).ToList();
        if (processes is null || measured.Count == 0) return null;
        var table = new Table().Title("每次调用各进程所用的 CPU（毫秒，用户态加内核态，读自 /proc）").AddColumn("操作").AddColumn(new TableColumn("并发").RightAligned());
        foreach (var name in processes.Names) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        foreach (var r in measured)
            table.AddRow([Markup.Escape(r.Operation), r.Callers.ToString(CultureInfo.InvariantCulture),
                .. processes.Names.Select(n => r.CpuMsPerCall!.TryGetValue(n, out var ms) ? Cpu(ms) : "-")]);
        return table;
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);

    private static string Cpu(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
