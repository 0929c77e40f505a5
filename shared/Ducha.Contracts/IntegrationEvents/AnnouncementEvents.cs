using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// 进驻公告: an inspection entry announcement for a county was published (version 1). It carries what the public page
/// shows — nothing in it is confidential — so a county website or a media outlet can pick it up from the bus.
/// </summary>
[IntegrationEvent("disclosure.announcement-published", "ducha.disclosure.announcement-published.v1")]
public sealed record AnnouncementPublished(string AnnouncementId, string JurisdictionCode, string PublishedByJurisdictionCode, string Team,
    DateOnly StartDate, DateOnly EndDate, string ReportPhone, string PhoneHours, string PostalBox, DateTimeOffset PublishedAt) : IIntegrationEvent;

/// <summary>A published announcement was corrected: <c>Version</c> is the new version, <c>ChangedFields</c> what it changed and why.</summary>
[IntegrationEvent("disclosure.announcement-corrected", "ducha.disclosure.announcement-corrected.v1")]
public sealed record AnnouncementCorrected(string AnnouncementId, string JurisdictionCode, string CorrectedByJurisdictionCode, int Version,
    IReadOnlyList<string> ChangedFields, string Reason, DateTimeOffset CorrectedAt) : IIntegrationEvent;
