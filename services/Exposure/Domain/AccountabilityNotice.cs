using System.Globalization;
using System.Text;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>One city in a period, as the province's notice speaks of it.</summary>
/// <param name="Exposed">Problems about the city aired in the period, by any level's column.</param>
/// <param name="Latest">The latest version of the city's report, if it has submitted one.</param>
/// <param name="FirstSubmittedAt">When version 1 came in: a report is on time or late by its first submission.</param>
/// <param name="Polluters">The polluter of each sampled problem, to name a problem whose check failed.</param>
public sealed record CityStanding(Jurisdiction City, int Exposed, AccountabilityReport? Latest, DateTimeOffset? FirstSubmittedAt, SpotCheck? SpotCheck,
    IReadOnlyDictionary<string, string> Polluters);

/// <summary>
/// 通报: the province office's periodic notice to the organization and supervisory departments on the accountability
/// for exposed problems (000 §五), written from the cities' reports and the spot checks. It counts people by rank and
/// sanction and names polluters whose check failed; it names no person, and leaves out the cities' remarks and the
/// inspectors' finding texts, which are free text that might.
/// </summary>
public static class AccountabilityNotice
{
    private const string Indent = "\u3000\u3000";

    public static string Compose(Jurisdiction province, ReportingPeriod period, IReadOnlyList<CityStanding> cities, DateOnly today)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        var office = $"{province.Name}263专项行动领导小组办公室";
        Line(office);
        Line($"关于{period.ChineseName}曝光问题问责情况的通报");
        Line();
        Line("省委组织部、省纪委监委：");
        Line($"{Indent}{period.ChineseName}，全省各级电视、报纸等媒体共曝光问题{cities.Sum(c => c.Exposed)}个。各设区市问责情况应于{Date(period.DueDate)}前报送，"
            + $"截至{Date(today)}，{cities.Count(c => c.Latest is not null)}个设区市已报送。现将有关情况通报如下。");
        Line();
        Line("一、各设区市问责情况");
        foreach (var city in cities)
            Line($"{Indent}{city.City.Name}：曝光问题{city.Exposed}个；{ReportStatus(city, period, today)}");
        Line();
        Line("二、抽查情况");
        var checkedCities = cities.Where(c => c.SpotCheck is not null).ToList();
        if (checkedCities.Count == 0) Line($"{Indent}本期未开展抽查。");
        foreach (var city in checkedCities)
            Line($"{Indent}{city.City.Name}：{SpotCheckStatus(city.SpotCheck!, city.Polluters)}");
        Line();
        Line("三、全省问责总体情况");
        Line($"{Indent}各设区市报告{People(cities.Where(c => c.Latest is not null).SelectMany(c => c.Latest!.Totals))}。");
        Line();
        Line(office);
        Line(Date(today));
        return text.ToString();
    }

    private static string ReportStatus(CityStanding city, ReportingPeriod period, DateOnly today)
    {
        if (city.Latest is not { } report)
            return city.Exposed == 0 ? "无需报送问责情况。"
                : today > period.DueDate ? "逾期未报送问责情况。"
                : $"尚未报送问责情况（报送期限为{Date(period.DueDate)}）。";
        var first = BeijingTime.DateOf(city.FirstSubmittedAt ?? report.SubmittedAt);
        var status = new StringBuilder(Date(first)).Append("报送问责情况");
        if (first > period.DueDate) status.Append("（逾期报送）");
        if (report.Version > 1) status.Append(CultureInfo.InvariantCulture, $"，后更正为第{report.Version}版");
        // A problem aired in the period but recorded after the report was made is not in it; the notice says so.
        if (report.Problems.Count != city.Exposed) status.Append(CultureInfo.InvariantCulture, $"，报告涵盖问题{report.Problems.Count}个");
        return status.Append('；').Append(People(report.Totals)).Append('。').ToString();
    }

    private static string SpotCheckStatus(SpotCheck check, IReadOnlyDictionary<string, string> polluters)
    {
        var findings = check.Findings;
        var status = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"从曝光问题{check.CandidateIds.Count}个中随机抽查{check.Count}个（抽样方法{check.Procedure}，种子{check.Seed}），已核查{findings.Count}个，"
            + $"整改到位{findings.Count(f => f.RectificationHeld)}个、问责到位{findings.Count(f => f.AccountabilityHeld)}个");
        string Named(IEnumerable<SpotCheckFinding> failed) => string.Join("、", failed.Select(f => polluters.GetValueOrDefault(f.ExposureId, f.ExposureId)));
        if (findings.Any(f => !f.RectificationHeld)) status.Append("；整改不到位：").Append(Named(findings.Where(f => !f.RectificationHeld)));
        if (findings.Any(f => !f.AccountabilityHeld)) status.Append("；问责不到位：").Append(Named(findings.Where(f => !f.AccountabilityHeld)));
        if (findings.Count < check.Count) status.Append(CultureInfo.InvariantCulture, $"；{check.Count - findings.Count}个尚在核查");
        return status.Append('。').ToString();
    }

    /// <summary>"问责3人，其中处级1人、科级2人；诫勉谈话1人、通报批评2人；另有1人容错免责" — counts only, never who.</summary>
    private static string People(IEnumerable<AccountabilityTally> tallies)
    {
        var all = AccountabilityTally.Sum(tallies);
        var held = all.Where(t => !t.FaultTolerated).ToList();
        var exempted = all.Where(t => t.FaultTolerated).Sum(t => t.Count);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"问责{held.Sum(t => t.Count)}人");
        if (held.Count > 0)
        {
            text.Append("，其中").Append(Counts(held.GroupBy(t => t.Rank).Select(g => (RankName(g.Key), g.Sum(t => t.Count)))));
            text.Append('；').Append(Counts(held.GroupBy(t => t.Sanction).OrderBy(g => g.Key).Select(g => (SanctionName(g.Key), g.Sum(t => t.Count)))));
        }
        if (exempted > 0) text.Append(CultureInfo.InvariantCulture, $"；另有{exempted}人容错免责");
        return text.ToString();
    }

    private static string Counts(IEnumerable<(string Name, int Count)> counts) =>
        string.Join("、", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name}{c.Count}人")));

    private static string RankName(CadreRank rank) => rank switch
    {
        CadreRank.Bureau => "厅级",
        CadreRank.Division => "处级",
        CadreRank.Section => "科级",
        _ => "其他人员",
    };

    private static string SanctionName(Sanction sanction) => sanction switch
    {
        Sanction.Admonition => "诫勉谈话",
        Sanction.Criticism => "通报批评",
        Sanction.Organizational => "组织处理",
        Sanction.PartyDiscipline => "党纪处分",
        Sanction.Government => "政务处分",
        Sanction.JudicialReferral => "移送司法机关",
        _ => "其他处理",
    };

    private static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
