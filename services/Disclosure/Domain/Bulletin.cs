using Ducha.BuildingBlocks;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// A published bulletin (公告/通报). It is a public record: a correction is published as a new version, never a silent
/// edit of what readers have already seen.
/// </summary>
public sealed class Bulletin : IJurisdictionRecord
{
    public required string Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public int Version { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public string? IdempotencyKey { get; init; }

    public static Bulletin Publish(string jurisdictionCode, string title, string body, string? idempotencyKey, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7().ToString(),
        JurisdictionCode = jurisdictionCode,
        Title = title.Trim(),
        Body = body.Trim(),
        Version = 1,
        PublishedAt = now,
        IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
    };
}
