using Ducha.Cases.Data;
using Ducha.Cases.Domain;

namespace Ducha.Cases.Application.Units;

/// <summary>
/// A jurisdiction's own office retires a unit (merged, abolished …): no new cases go to it, while the cases it had keep
/// naming it. A unit still holding an open case reports on it or returns it first.
/// </summary>
public sealed class RetireUnit(CasesDbContext db, UnitRegisters registers, TimeProvider time)
{
    public const string Operation = "RetireUnit";

    public async Task<HandlingUnit> HandleAsync(string jurisdictionCode, string name, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        var register = await registers.OfAsync(jurisdictionCode, cancellationToken);
        registers.EnsureKeeper(register, actor, Operation);
        var held = await db.Cases.CountAsync(c => c.HolderJurisdictionCode == jurisdictionCode && c.HolderUnit == name && c.Status != CaseStatus.Closed,
            cancellationToken);
        await registers.SaveAsync(register.Retire(name, reason, held, actor, time.GetStoredUtcNow()), cancellationToken);
        return register.Find(name)!;
    }
}
