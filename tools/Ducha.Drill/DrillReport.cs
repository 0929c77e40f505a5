using Ducha.Drill.Invariants;
using Ducha.Drill.Scenario;
using Spectre.Console;

namespace Ducha.Drill;

/// <summary>The drill's report as a person reads it: what was done, and each invariant with what was seen.</summary>
public static class DrillReport
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new()
        { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same report for machines: the month, the calls and each invariant with what was seen.</summary>
    public static Task WriteAsync(string path, MonthDrill drill, IReadOnlyList<Check> checks, TimeSpan elapsed, object? extra,
        CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(new
        {
            province = drill.Map.Province.Code, firstDay = drill.FirstDay, lastDay = drill.LastDay, seconds = elapsed.TotalSeconds,
            held = checks.All(c => c.Held), calls = drill.Ledger.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(),
            invariants = checks.Select(c => new { name = c.Name, held = c.Held, seen = c.Seen }),
            ambiguous = drill.Ledger.Ambiguous.Count, extra,
        }, Indented), cancellationToken);

    public static void Print(MonthDrill drill, IReadOnlyList<Check> checks, TimeSpan elapsed)
    {
        var calls = new Table().Title($"演练：{drill.Map.Province.Name} {drill.FirstDay:yyyy-MM-dd} 至 {drill.LastDay:yyyy-MM-dd}，用时 {elapsed.TotalSeconds:N0} 秒")
            .AddColumn("操作").AddColumn(new TableColumn("次数").RightAligned());
        foreach (var (operation, count) in drill.Ledger.Calls.OrderByDescending(c => c.Value))
            calls.AddRow(Markup.Escape(operation), count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(calls);

        var report = new Table().Title("不变量报告").AddColumn("不变量").AddColumn("结果").AddColumn("所见");
        foreach (var check in checks)
            report.AddRow(Markup.Escape(check.Name), check.Held ? "[green]成立[/]" : "[red]不成立[/]", Markup.Escape(check.Seen));
        AnsiConsole.Write(report);
        AnsiConsole.MarkupLine(checks.All(c => c.Held) ? "[green bold]全部不变量成立。[/]" : "[red bold]有不变量不成立。[/]");
    }
}
