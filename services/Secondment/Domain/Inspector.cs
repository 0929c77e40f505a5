namespace Ducha.Secondment.Domain;

/// <summary>
/// One of a level's inspectors for 双随机 draws: a seconded cadre (name, unit and home jurisdiction copied from the cadre
/// when registered) or enforcement staff. The jurisdiction is the register's level; the home jurisdiction and unit are
/// what avoidance (回避) compares with a target.
/// </summary>
public sealed class Inspector : JurisdictionRecord
{
    public string? CadreId { get; init; }
    public required string Name { get; init; }
    public required string Unit { get; init; }
    public required string HomeJurisdictionCode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static Inspector Register(string jurisdictionCode, string? cadreId, string name, string unit, string homeJurisdictionCode,
        string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            JurisdictionCode = jurisdictionCode,
            CadreId = cadreId,
            Name = name.Trim(),
            Unit = unit.Trim(),
            HomeJurisdictionCode = homeJurisdictionCode,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
}
