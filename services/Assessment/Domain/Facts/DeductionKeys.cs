using System.Globalization;

namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// The keys that make one fact one deduction however often, and in whatever order, its events arrive — delivered again,
/// or published again under a new id: a lateness is keyed by its case (so a case overdue at several deadlines and its
/// exposure follow-up overdue are one), a stop order by its measure, a reopening by its round, and what can happen to the
/// same case again by the moment Cases recorded it.
/// </summary>
public static class DeductionKeys
{
    public static string Lateness(string caseId) => $"lateness:{caseId}";

    /// <summary>An exposure follow-up overdue before its case was opened: nothing else can make it late.</summary>
    public static string LatenessOfExposure(string exposureId) => $"lateness:exposure:{exposureId}";

    public static string BuckPassing(string caseId, DateTimeOffset flaggedAt) => string.Create(CultureInfo.InvariantCulture, $"buck-passing:{caseId}:{flaggedAt.UtcTicks}");

    public static string SentBack(string caseId, DateTimeOffset sentBackAt) => string.Create(CultureInfo.InvariantCulture, $"sent-back:{caseId}:{sentBackAt.UtcTicks}");

    public static string Reopened(string caseId, int round) => string.Create(CultureInfo.InvariantCulture, $"reopened:{caseId}:{round}");

    public static string StopUnverified(string caseId, int measureNumber) => string.Create(CultureInfo.InvariantCulture, $"stop-unverified:{caseId}:{measureNumber}");

    /// <summary>One person of an accountability record: the outcomes' order in the event.</summary>
    public static string Accountability(string caseId, DateTimeOffset recordedAt, int person) =>
        string.Create(CultureInfo.InvariantCulture, $"accountability:{caseId}:{recordedAt.UtcTicks}:{person}");
}
