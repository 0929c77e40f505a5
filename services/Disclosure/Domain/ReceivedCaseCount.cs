namespace Ducha.Disclosure.Domain;

/// <summary>Read model: cases received per jurisdiction, built from cases.case-received events.</summary>
public sealed class ReceivedCaseCount
{
    public required string JurisdictionCode { get; init; }
    public long Received { get; private set; }
    public DateTimeOffset LastReceivedAt { get; private set; }

    public void Count(DateTimeOffset receivedAt)
    {
        Received++;
        if (receivedAt > LastReceivedAt) LastReceivedAt = receivedAt;
    }
}
