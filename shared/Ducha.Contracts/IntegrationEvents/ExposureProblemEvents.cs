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
/// once per problem, the day after the deadline.
/// </summary>
[IntegrationEvent("exposure.follow-up-overdue", "ducha.exposure.follow-up-overdue.v1")]
public sealed record FollowUpOverdue(string ExposureId, string JurisdictionCode, string FollowUpJurisdictionCode, string? FollowUpUnit,
    DateOnly FollowUpDeadline, bool ReturnVisitRecorded, bool BroadcastRecorded, string? CaseId, DateTimeOffset RaisedAt) : IIntegrationEvent;
