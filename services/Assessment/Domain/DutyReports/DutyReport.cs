using Ducha.Assessment.Domain.Sheets;

namespace Ducha.Assessment.Domain.DutyReports;

/// <summary>
/// A county's or a department's annual report on its environmental duties (环境保护责任履行情况报告), one per party and
/// year, filed under the county (a department's: its level). Filing again replaces the summary: the latest is the report.
/// </summary>
public sealed class DutyReport : JurisdictionRecord
{
    public const int MaxSummary = 4000;

    /// <summary>Empty for a county's own report.</summary>
    public string Department { get; init; } = "";
    public int Year { get; init; }
    public string Summary { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = "";
    /// <summary>1 for the first filing, plus one each time it is filed again.</summary>
    public int Filings { get; private set; }

    public AssessedParty Party => new(JurisdictionCode, Department.Length == 0 ? null : Department);

    public static DutyReport File(AssessedParty party, int year, string summary, Actor actor, DateTimeOffset at, string? idempotencyKey)
    {
        var report = new DutyReport { JurisdictionCode = party.JurisdictionCode, Department = party.Department ?? "", Year = year, IdempotencyKey = idempotencyKey };
        report.Refile(summary, actor, at);
        return report;
    }

    public void Refile(string summary, Actor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(summary)) throw new RequestValidationException("summary", "is required");
        if (summary.Length > MaxSummary) throw new RequestValidationException("summary", $"must be at most {MaxSummary} characters");
        Summary = summary.Trim();
        FiledAt = at;
        FiledBy = actor.Subject;
        Filings++;
    }
}
