namespace Ducha.BuildingBlocks;

/// <summary>
/// A record one jurisdiction files and owns (a media outlet, an assessment plan, a cadre, a bulletin): it is read only
/// within the reach of that jurisdiction, and a client retrying with the same idempotency key gets the first one back.
/// </summary>
public abstract class JurisdictionRecord
{
    /// <summary>A version-7 GUID's text: ids sort in the order records were filed.</summary>
    public string Id { get; init; } = OrderedIds.NewId();

    /// <summary>The GB/T 2260 code of the owning jurisdiction.</summary>
    public required string JurisdictionCode { get; init; }

    /// <summary>The client's key for a safe retry; a blank one is no key.</summary>
    public string? IdempotencyKey { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value; }
}
