using System.Globalization;
using System.Text;
using Ducha.Disclosure.Domain.Bulletins;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Ducha.Disclosure.Export;

/// <summary>The attached table (附表) of a bulletin as files to download: one row per case, the same columns in XLSX and CSV.</summary>
public static class BulletinTable
{
    public static readonly string[] Headers = ["序号", "行政区域", "污染类型", "基本情况", "调查核实情况", "处理结果", "整改情况", "问责情况"];

    public static IEnumerable<string[]> Rows(BulletinContent content) =>
        content.Cases.Select(c => new[]
        {
            c.Number.ToString(CultureInfo.InvariantCulture), c.Place, c.PollutionType, c.BasicFacts, c.Findings, c.Result, c.Rectification,
            c.Accountability.ToChinese(),
        });

    public static byte[] Xlsx(BulletinContent content)
    {
        var sheet = Rows(content).Select(row =>
        {
            var record = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < Headers.Length; i++) record[Headers[i]] = row[i];
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, sheetName: "附表");
        return stream.ToArray();
    }

    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right.</summary>
    public static byte[] Csv(BulletinContent content)
    {
        var text = new StringBuilder();
        foreach (var row in Rows(content).Prepend(Headers))
            text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // A cell a spreadsheet would take for a formula (=, +, -, @) is prefixed with an apostrophe: a downloaded public file
    // must not run anything on the reader's machine.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
