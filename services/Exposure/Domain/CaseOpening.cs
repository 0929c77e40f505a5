namespace Ducha.Exposure.Domain;

/// <summary>
/// The case an aired problem is owed, written in the airing's own transaction and kept until Cases has opened it, so that
/// recording an airing never depends on Cases being up and no exposed problem is ever left without its case.
/// </summary>
public sealed class CaseOpening
{
    /// <summary>Longest wait between attempts: Cases back after an outage is noticed within this.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    public required string ExposureId { get; init; }
    /// <summary>The airing office, on whose behalf the exposure service asks Cases.</summary>
    public required string OfficeJurisdictionCode { get; init; }
    public required string OrderedBy { get; init; }
    public DateTimeOffset OrderedAt { get; init; }
    /// <summary>The airing request's W3C trace context, so the case's opening joins the airing's trace however late it runs.</summary>
    public string? TraceParent { get; init; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public string? CaseId { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    /// <summary>Cases refused the order for good (say, the county's unit was retired since): an office must see to it by hand.</summary>
    public string? RefusedReason { get; private set; }

    public bool IsPending => OpenedAt is null && RefusedReason is null;

    public static CaseOpening For(ExposureProblem problem, Actor office, string? traceParent, DateTimeOffset now) => new()
    {
        ExposureId = problem.Id, OfficeJurisdictionCode = office.JurisdictionCode, OrderedBy = office.Subject, OrderedAt = now, TraceParent = traceParent,
        NextAttemptAt = now,
    };

    public void Opened(string caseId, DateTimeOffset at)
    {
        CaseId = caseId;
        OpenedAt = at;
        LastError = null;
    }

    /// <summary>Cases could not be reached or answered too late: try again later, waiting longer each time up to <see cref="MaxBackoff"/>.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(Attempts, 12)));
        NextAttemptAt = now + (wait < MaxBackoff ? wait : MaxBackoff);
    }

    public void Refused(string reason, DateTimeOffset now)
    {
        Attempts++;
        RefusedReason = reason;
        LastError = reason;
        NextAttemptAt = now;
    }
}
