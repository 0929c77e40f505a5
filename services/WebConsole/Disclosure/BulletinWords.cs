using System.Globalization;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Reference.Calendar;
using Google.Protobuf.WellKnownTypes;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Disclosure;

/// <summary>
/// How the console words a bulletin: its period and dates in Beijing time, and the fields a refusal names
/// (<c>cases[3].findings</c>) as the attached table heads them — 附表第3号“调查核实情况”.
/// </summary>
public static class BulletinWords
{
    /// <summary>The attached table's columns, by the field names a refusal uses, in the order the public page prints them.</summary>
    public static readonly IReadOnlyList<(string Field, string Header)> Columns =
    [
        ("number", "序号"), ("place", "行政区域"), ("pollution_type", "污染类型"), ("basic_facts", "基本情况"), ("findings", "调查核实情况"),
        ("result", "处理结果"), ("rectification", "整改情况"), ("accountability", "问责情况"),
    ];

    public static string Cell(BulletinCase row, string field) => field switch
    {
        "number" => row.Number.ToString(CultureInfo.InvariantCulture),
        "place" => row.Place,
        "pollution_type" => row.PollutionType,
        "basic_facts" => row.BasicFacts,
        "findings" => row.Findings,
        "result" => row.Result,
        "rectification" => row.Rectification,
        _ => row.Accountability,
    };

    /// <summary>The id of a table cell, which a refusal's field points at: case-3-findings.</summary>
    public static string CellId(int number, string field) => $"case-{number}-{field.Replace('_', '-')}";

    /// <summary>A field a refusal names, in the clerk's words, and the id of what shows it; null for a field the page does not show.</summary>
    public static (string Words, string TargetId)? Field(string field)
    {
        if (field == "title") return ("通报标题", "bulletin-title");
        if (!field.StartsWith("cases[", StringComparison.Ordinal) || field.IndexOf("].", StringComparison.Ordinal) is not (> 6 and var close)
            || !int.TryParse(field[6..close], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var column = field[(close + 2)..];
        return Columns.FirstOrDefault(c => c.Field == column) is { Header: not null } found
            ? ($"附表第{number}号“{found.Header}”", CellId(number, column))
            : null;
    }

    /// <summary>"2024年9月27日", "2024年9月24日至9月26日", or with the second year when the period crosses into a new one.</summary>
    public static string Period(string start, string end)
    {
        if (Date(start) is not { } from || Date(end) is not { } to) return $"{start}至{end}";
        return from == to ? $"{from:yyyy年M月d日}" : from.Year == to.Year ? $"{from:yyyy年M月d日}至{to:M月d日}" : $"{from:yyyy年M月d日}至{to:yyyy年M月d日}";
    }

    public static DateOnly? Date(string text) => WireDate.Parse(text);

    public static string Day(string text) => Date(text) is { } date ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : text;

    /// <summary>An instant as a Beijing wall time, 2024年9月27日 10:05.</summary>
    public static string Time(Timestamp? at) => at is null ? "—"
        : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), BeijingTime.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(Timestamp at) => at.ToDateTimeOffset().ToString("o", CultureInfo.InvariantCulture);

    public static string State(Bulletin b) => b.State == BulletinState.Published ? (b.Version > 1 ? $"已发布（第{b.Version}版）" : "已发布") : "草稿（未发布）";
}
