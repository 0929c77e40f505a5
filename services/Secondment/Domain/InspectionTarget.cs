namespace Ducha.Secondment.Domain;

/// <summary>
/// An enterprise or place in the register a level draws its 双随机 inspections from. The jurisdiction is where the target
/// is, so that avoidance (回避) can compare it with an inspector's home jurisdiction.
/// </summary>
public sealed class InspectionTarget : JurisdictionRecord
{
    public required string Name { get; init; }
    public required string PollutionType { get; init; }
    public RiskClass Risk { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static InspectionTarget Register(string jurisdictionCode, string name, string pollutionType, RiskClass risk, string? idempotencyKey,
        DateTimeOffset now) =>
        new()
        {
            JurisdictionCode = jurisdictionCode,
            Name = name.Trim(),
            PollutionType = pollutionType.Trim(),
            Risk = risk,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
}

/// <summary>Values match ducha.secondment.v1.RiskClass; the draw takes strata in this order.</summary>
public enum RiskClass
{
    High = 1,
    Medium = 2,
    Low = 3,
}
