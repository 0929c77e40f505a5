using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>A bulletin version went public: version 1 when first published, a later one with the reason of its correction.</summary>
[IntegrationEvent("disclosure.bulletin-published", "ducha.disclosure.bulletin-published.v1")]
public sealed record BulletinPublished(string BulletinId, string JurisdictionCode, DateOnly PeriodStart, DateOnly PeriodEnd, int Version, string? Reason,
    string Hash, DateTimeOffset PublishedAt) : IIntegrationEvent;

/// <summary>
/// No bulletin of a jurisdiction's period was published by the end of the first working day after the period. Raised
/// once per period.
/// </summary>
[IntegrationEvent("disclosure.bulletin-overdue", "ducha.disclosure.bulletin-overdue.v1")]
public sealed record BulletinOverdue(string BulletinId, string JurisdictionCode, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueBy,
    DateTimeOffset RaisedAt) : IIntegrationEvent;
