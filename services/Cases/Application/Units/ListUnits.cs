using Ducha.Cases.Domain;

namespace Ducha.Cases.Application.Units;

/// <summary>
/// The handling units of a jurisdiction in the caller's reach, for any role: what an office may assign cases to, and the
/// names handler tokens carry. Retired units only when asked for.
/// </summary>
public sealed class ListUnits(UnitRegisters registers, VisibleCases cases)
{
    public const string Operation = "ListUnits";

    public async Task<IReadOnlyList<HandlingUnit>> HandleAsync(string jurisdictionCode, bool includeRetired, Actor actor, CancellationToken cancellationToken)
    {
        cases.EnsureWithin(jurisdictionCode, actor, Operation);
        var register = await registers.OfAsync(jurisdictionCode, cancellationToken);
        return [.. register.Units.Where(u => includeRetired || u.Active)];
    }
}
