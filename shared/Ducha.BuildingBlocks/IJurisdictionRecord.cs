namespace Ducha.BuildingBlocks;

/// <summary>
/// A record one jurisdiction files and owns (a media outlet, an assessment plan, a cadre, a bulletin): it is read only
/// within the reach of that jurisdiction, and a client retrying with the same idempotency key gets the first one back.
/// </summary>
public interface IJurisdictionRecord
{
    string Id { get; }
    string JurisdictionCode { get; }
    string? IdempotencyKey { get; }
}
