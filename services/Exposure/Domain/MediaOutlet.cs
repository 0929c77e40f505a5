namespace Ducha.Exposure.Domain;

/// <summary>A media outlet (媒体) that airs or prints exposures for a jurisdiction. Later issues add schedules and follow-ups.</summary>
public sealed class MediaOutlet : JurisdictionRecord
{
    public required string Name { get; init; }
    public MediaKind Kind { get; init; }
    /// <summary>The programme or column that carries the exposures (e.g. 263在行动); an outlet may run none of its own.</summary>
    public string? ColumnName { get; init; }
    /// <summary>Exposure programmes a week: the commitment later schedules are checked against.</summary>
    public int WeeklyQuota { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static MediaOutlet Register(string jurisdictionCode, string name, MediaKind kind, string? columnName, int weeklyQuota,
        string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            JurisdictionCode = jurisdictionCode,
            Name = name.Trim(),
            Kind = kind,
            ColumnName = string.IsNullOrWhiteSpace(columnName) ? null : columnName.Trim(),
            WeeklyQuota = weeklyQuota,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
}

/// <summary>Values match ducha.exposure.v1.MediaKind.</summary>
public enum MediaKind
{
    Tv = 1,
    Newspaper = 2,
    Radio = 3,
    Website = 4,
}
