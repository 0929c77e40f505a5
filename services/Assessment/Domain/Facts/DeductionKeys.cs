using System.Globalization;

namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// The keys that make one fact one deduction however often, and in whatever order, its events arrive: a lateness is
/// keyed by its case (so a case overdue at several deadlines and its exposure follow-up overdue are one), a stop order
/// by its measure, a reopening by its round, and what can happen again to the same case by the event that said so.
/// </summary>
public static class DeductionKeys
{
    public static string Lateness(string caseId) => $"lateness:{caseId}";

    /// <summary>An exposure follow-up overdue before its case was opened: nothing else can make it late.</summary>
    public static string LatenessOfExposure(string exposureId) => $"lateness:exposure:{exposureId}";

    public static string BuckPassing(string caseId, string eventId) => $"buck-passing:{caseId}:{eventId}";

    public static string SentBack(string caseId, string eventId) => $"sent-back:{caseId}:{eventId}";

    public static string Reopened(string caseId, int round) => string.Create(CultureInfo.InvariantCulture, $"reopened:{caseId}:{round}");

    public static string StopUnverified(string caseId, int measureNumber) => string.Create(CultureInfo.InvariantCulture, $"stop-unverified:{caseId}:{measureNumber}");

    /// <summary>One person of an accountability record: the outcomes' order in the event.</summary>
    public static string Accountability(string caseId, string eventId, int person) =>
        string.Create(CultureInfo.InvariantCulture, $"accountability:{caseId}:{eventId}:{person}");
}
