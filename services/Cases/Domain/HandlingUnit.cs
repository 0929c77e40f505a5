namespace Ducha.Cases.Domain;

/// <summary>
/// A department or lower office of a jurisdiction that cases are assigned to (e.g. 虎丘区生态环境局, 浒墅关镇人民政府), as its
/// register has it now: computed from the template and the stored changes, never stored itself.
/// </summary>
/// <param name="FromTemplate">One of the standard departments (<see cref="UnitTemplate"/>), not added by the office.</param>
/// <param name="Active">May be assigned new cases; a retired unit keeps its earlier cases and their history.</param>
/// <param name="RegisteredAt">When the office last registered it; null for a template unit never re-registered.</param>
public sealed record HandlingUnit(string JurisdictionCode, string Name, bool FromTemplate, bool Active,
    DateTimeOffset? RegisteredAt = null, string? RegisteredBy = null, DateTimeOffset? RetiredAt = null, string? RetiredBy = null, string? RetireReason = null);

public enum UnitChangeKind
{
    /// <summary>The office added the unit (or brought a retired one back).</summary>
    Registered = 1,
    /// <summary>The office retired it: no new cases.</summary>
    Retired,
}

/// <summary>
/// What a register stores: each addition and retirement, numbered per unit. Two offices' clerks registering the same name
/// at the same moment both write version 1 of it, and the key lets only one in.
/// </summary>
public sealed class UnitChange
{
    public required string JurisdictionCode { get; init; }
    public required string Name { get; init; }
    /// <summary>1 for the unit's first change, then one more per change.</summary>
    public int Version { get; init; }
    public UnitChangeKind Kind { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The office staff member who made the change, as their token names them.</summary>
    public required string By { get; init; }
    /// <summary>Why a unit was retired (merged, abolished …); optional.</summary>
    public string? Reason { get; init; }
}
