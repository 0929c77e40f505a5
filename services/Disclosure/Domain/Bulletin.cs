namespace Ducha.Disclosure.Domain;

/// <summary>
/// A published bulletin (公告/通报). It is a public record: a correction is published as a new version, never a silent
/// edit of what readers have already seen.
/// </summary>
public sealed class Bulletin : JurisdictionRecord
{
    public required string Title { get; init; }
    public required string Body { get; init; }
    public int Version { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    public static Bulletin Publish(string jurisdictionCode, string title, string body, string? idempotencyKey, DateTimeOffset now) => new()
    {
        JurisdictionCode = jurisdictionCode,
        Title = title.Trim(),
        Body = body.Trim(),
        Version = 1,
        PublishedAt = now,
        IdempotencyKey = idempotencyKey,
    };
}
