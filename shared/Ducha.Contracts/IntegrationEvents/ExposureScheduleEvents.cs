using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// On an air day, the programmes scheduled for the rest of a column's week (or month) cannot bring it to its minimum;
/// there is still time to schedule more. Raised once per column and period.
/// </summary>
[IntegrationEvent("exposure.schedule-short", "ducha.exposure.schedule-short.v1")]
public sealed record ScheduleShort(string ColumnId, string JurisdictionCode, string ColumnName, DateOnly PeriodStart, DateOnly PeriodEnd, int Minimum,
    int Planned, int Aired, DateTimeOffset RaisedAt) : IIntegrationEvent;

/// <summary>A column's aired programmes plus its remaining air days can no longer reach its minimum. Raised once per column and period.</summary>
[IntegrationEvent("exposure.minimum-missed", "ducha.exposure.minimum-missed.v1")]
public sealed record MinimumMissed(string ColumnId, string JurisdictionCode, string ColumnName, DateOnly PeriodStart, DateOnly PeriodEnd, int Minimum,
    int Planned, int Aired, DateTimeOffset RaisedAt) : IIntegrationEvent;
