using System.Text.Json.Serialization;

namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>One case as the attached table (附表) shows it: public facts only, built from the disclosure read model.</summary>
/// <param name="Number">序号 in the table.</param>
/// <param name="Typical">An office marked the case typical: its accountability specifics are printed in the text.</param>
public sealed record BulletinCaseRow(int Number, string CaseId, string Place, string PollutionType, string BasicFacts, string Findings, string Result,
    string Rectification, PeopleHeld Accountability, bool Typical);

/// <summary>
/// The running totals since the inspection began (累计), to the period's end: every case transferred in since
/// <paramref name="Since"/>, where each stands now, and the people held accountable on them by rank.
/// </summary>
public sealed record BulletinToDate(DateOnly Since, int Transferred, int InHand, int Closed, int Overdue, PeopleHeld Accountability);

/// <summary>
/// What a 边督边改 bulletin says for a jurisdiction and period — generated, never typed: the counts, one row per case
/// transferred into the jurisdiction in the period, the accountability by rank, and — when the inspection began before
/// the period — the running totals since it began.
/// </summary>
public sealed record BulletinContent(string JurisdictionCode, string JurisdictionName, DateOnly PeriodStart, DateOnly PeriodEnd, int Transferred,
    int InHand, int Closed, int Overdue, IReadOnlyList<BulletinCaseRow> Cases, BulletinToDate? ToDate = null)
{
    [JsonIgnore]
    public PeopleHeld Accountability => Cases.Aggregate(PeopleHeld.None, (sum, c) => sum.Add(c.Accountability));

    [JsonIgnore]
    public string Title => $"{JurisdictionName}边督边改情况通报（{Period}）";

    /// <summary>"2026年12月5日", "2026年12月2日至12月4日", or with the second year when the period crosses into a new one.</summary>
    [JsonIgnore]
    public string Period => PeriodStart == PeriodEnd ? $"{PeriodStart:yyyy年M月d日}"
        : PeriodStart.Year == PeriodEnd.Year ? $"{PeriodStart:yyyy年M月d日}至{PeriodEnd:M月d日}" : $"{PeriodStart:yyyy年M月d日}至{PeriodEnd:yyyy年M月d日}";

    /// <summary>The text (文字) of the bulletin, paragraph by paragraph; the table goes with it as the attachment.</summary>
    public IReadOnlyList<string> Paragraphs()
    {
        var paragraphs = new List<string>
        {
            $"{Period}，{JurisdictionName}共收到督察组交办信访件{Transferred}件，" +
            $"截至{PeriodEnd:M月d日}已办结{Closed}件，正在办理{InHand}件" + (Overdue > 0 ? $"，其中逾期未办结{Overdue}件。" : "。"),
            Accountability.Total == 0 ? "本期交办问题暂无问责。" : $"本期交办问题共问责{Accountability.ToChinese()}。",
        };
        if (ToDate is { } total)
            paragraphs.Add($"自{total.Since:yyyy年M月d日}督察进驻以来，{JurisdictionName}累计收到交办信访件{total.Transferred}件，已办结{total.Closed}件，" +
                           $"正在办理{total.InHand}件" + (total.Overdue > 0 ? $"，其中逾期未办结{total.Overdue}件" : "") +
                           (total.Accountability.Total > 0 ? $"；累计问责{total.Accountability.ToChinese()}。" : "。"));
        foreach (var typical in Cases.Where(c => c.Typical))
            paragraphs.Add($"典型案例：{typical.Place}{typical.BasicFacts}。调查核实情况：{typical.Findings}。处理结果：{typical.Result}。" +
                           $"问责{typical.Accountability.ToChinese()}。");
        paragraphs.Add("各类问题的基本情况、调查核实情况和处理结果详见附表。");
        return paragraphs;
    }
}
