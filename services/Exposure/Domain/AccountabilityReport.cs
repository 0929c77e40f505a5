using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>
/// One exposed problem in a city's report: its case in Cases and the people held accountable on it, counted by rank and
/// sanction. A problem whose case is not opened yet (Cases was down at the airing) is listed with nobody counted.
/// </summary>
public sealed class ProblemAccountability
{
    public required string ExposureId { get; init; }
    public string? CaseId { get; init; }
    public required string PlaceJurisdictionCode { get; init; }
    /// <summary>The Beijing date it aired, which put it in the period.</summary>
    public DateOnly AiredOn { get; init; }
    public List<AccountabilityTally> People { get; init; } = [];
}

/// <summary>
/// 问责情况报告: what a city office reports to the province office on the accountability for the problems exposed about
/// it in a period, generated from what Cases recorded and submitted with the city's remarks. A corrected report is the
/// next version; every version is kept as it was submitted, so what the province was told stays on record.
/// </summary>
public sealed class AccountabilityReport : JurisdictionRecord
{
    public ReportingPeriod Period { get; init; }
    /// <summary>1, 2, … in the order submitted; 0 for a draft, which is never stored.</summary>
    public int Version { get; init; }
    public string? Remarks { get; init; }
    public List<ProblemAccountability> Problems { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }

    public bool IsDraft => Version == 0;

    /// <summary>Submitted after the day it was due (Beijing); a draft is not submitted, so not late.</summary>
    public bool Late => !IsDraft && BeijingTime.DateOf(SubmittedAt) > Period.DueDate;

    /// <summary>The people of every problem together, by rank, sanction and exemption.</summary>
    public IReadOnlyList<AccountabilityTally> Totals => AccountabilityTally.Sum(Problems.SelectMany(p => p.People));

    /// <summary>What the city would submit now; stored nowhere.</summary>
    public static AccountabilityReport Draft(Jurisdiction city, ReportingPeriod period, IReadOnlyList<ProblemAccountability> problems, Actor actor,
        DateTimeOffset now)
    {
        EnsureCityOffice(city, actor, "DraftAccountabilityReport");
        EnsureEnded(period, now);
        return new AccountabilityReport
        {
            JurisdictionCode = city.Code, Period = period, Version = 0, Problems = [.. problems], SubmittedAt = now, SubmittedBy = actor.Subject,
        };
    }

    /// <summary>
    /// The city's own office submits version <paramref name="version"/> (one more than the last) of its report on a
    /// period that has ended: problems aired later in an open month would be missing from it.
    /// </summary>
    public static AccountabilityReport Submit(Jurisdiction city, ReportingPeriod period, IReadOnlyList<ProblemAccountability> problems, string? remarks,
        int version, Actor actor, string? idempotencyKey, DateTimeOffset now)
    {
        EnsureCityOffice(city, actor, "SubmitAccountabilityReport");
        EnsureEnded(period, now);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new AccountabilityReport
        {
            JurisdictionCode = city.Code,
            Period = period,
            Version = version,
            Remarks = string.IsNullOrWhiteSpace(remarks) ? null : remarks.Trim(),
            Problems = [.. problems],
            SubmittedAt = now,
            SubmittedBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>
    /// A city reports for itself: neither the province (which receives the report) nor a sibling nor a county files it
    /// in the city's name. Checked before anything is read from Cases on the caller's behalf.
    /// </summary>
    public static void EnsureCityOffice(Jurisdiction city, Actor actor, string operation)
    {
        actor.Require(operation, Role.Office);
        if (actor.JurisdictionCode != city.Code)
            throw new PermissionDeniedException($"{operation}: only the office of {city.Code} reports its accountability, not {actor.JurisdictionCode}.");
    }

    public static void EnsureEnded(ReportingPeriod period, DateTimeOffset now)
    {
        if (!period.HasEndedBy(BeijingTime.DateOf(now)))
            throw new DomainRuleException($"The period {period} has not ended yet; its report is made once the month is over.", "period");
    }
}
