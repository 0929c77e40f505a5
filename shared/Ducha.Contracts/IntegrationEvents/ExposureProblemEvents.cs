using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// A programme aired a problem: its follow-up is now owed by <c>FollowUpJurisdictionCode</c> (with <c>FollowUpUnit</c> for a
/// county's own airing) by <c>FollowUpDeadline</c>, and Cases will open its case.
/// </summary>
[IntegrationEvent("exposure.problem-exposed", "ducha.exposure.problem-exposed.v1")]
public sealed record ProblemExposed(string ExposureId, string ColumnId, string ProgrammeId, string JurisdictionCode, string PlaceJurisdictionCode,
    string Polluter, string PollutionType, DateTimeOffset AiredAt, string FollowUpJurisdictionCode, string? FollowUpUnit, DateOnly FollowUpDeadline)
    : IIntegrationEvent;

/// <summary>
/// The follow-up of an aired problem was not complete (return visit and follow-up broadcast) by its deadline. Raised
/// once per problem, the day after the deadline. <c>JurisdictionCode</c> is the airing column's; <c>PlaceJurisdictionCode</c>
/// is where the problem is (added later, so events from before it lack it).
/// </summary>
[IntegrationEvent("exposure.follow-up-overdue", "ducha.exposure.follow-up-overdue.v1")]
public sealed record FollowUpOverdue(string ExposureId, string JurisdictionCode, string FollowUpJurisdictionCode, string? FollowUpUnit,
    DateOnly FollowUpDeadline, bool ReturnVisitRecorded, bool BroadcastRecorded, string? CaseId, DateTimeOffset RaisedAt,
    string? PlaceJurisdictionCode = null) : IIntegrationEvent;

/// <summary>
/// 回访: the owing office recorded one part of an aired problem's follow-up — its return visit or its follow-up broadcast
/// (a request recording both publishes one of each, in that order). <c>Late</c> when this part's date is after the
/// deadline; <c>FollowUpState</c> (Pending, OnTime, Late, Overdue) is how the follow-up stands once the request is recorded.
/// The visit's findings stay in exposure: they are free office text that may name whoever complained, and the public
/// texts they would sit beside are not carried by events either — an airing carries neither description nor address, a
/// case report no findings; disclosure asks Cases for a case's texts, which Cases can check against the case's sealed
/// reporter before a bulletin publishes them.
/// </summary>
[IntegrationEvent("exposure.follow-up-recorded", "ducha.exposure.follow-up-recorded.v1")]
public sealed record FollowUpRecorded(string ExposureId, string JurisdictionCode, string FollowUpJurisdictionCode, string? FollowUpUnit,
    DateOnly FollowUpDeadline, string Part, DateOnly Date, string? Rectification, string? ColumnId, bool Late, string FollowUpState, string? CaseId,
    DateTimeOffset RecordedAt) : IIntegrationEvent
{
    /// <summary><c>Part</c> of a return visit; <c>Rectification</c> (Rectified, Rectifying, NotRectified) is where it found rectification.</summary>
    public const string ReturnVisit = "ReturnVisit";
    /// <summary><c>Part</c> of a follow-up broadcast; <c>ColumnId</c> is the owing office's column it went out on.</summary>
    public const string Broadcast = "Broadcast";
}
