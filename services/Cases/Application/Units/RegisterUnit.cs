using Ducha.Cases.Domain;

namespace Ducha.Cases.Application.Units;

/// <summary>A jurisdiction's own office adds a unit (a township government, a development zone committee …), or brings a retired one back.</summary>
public sealed class RegisterUnit(UnitRegisters registers, TimeProvider time)
{
    public const string Operation = "RegisterUnit";

    public async Task<HandlingUnit> HandleAsync(string jurisdictionCode, string name, Actor actor, CancellationToken cancellationToken)
    {
        var register = await registers.OfAsync(jurisdictionCode, cancellationToken);
        registers.EnsureKeeper(register, actor, Operation);
        await registers.SaveAsync(register.Register(name, actor, time.GetStoredUtcNow()), cancellationToken);
        return register.Find(name)!;
    }
}
