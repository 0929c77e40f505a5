using Ducha.Cases.Application.Secondments;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Application.Units;

/// <summary>
/// The registers of handling units this request needs, each read from the database once: the acting handler's own (to
/// check its unit), the holder's (to assign to a unit), the one a units call names.
/// </summary>
public sealed class UnitRegisters(CasesDbContext db, JurisdictionTree tree, SecondedHandlers seconded, ILogger<UnitRegisters> logger)
{
    private readonly Dictionary<string, UnitRegister> _loaded = [];

    /// <summary>The register of <paramref name="code"/>, tracked so a change to it can be saved; an unknown code is bad input.</summary>
    public async Task<UnitRegister> OfAsync(string code, CancellationToken cancellationToken, string field = "jurisdiction_code")
    {
        if (_loaded.TryGetValue(code, out var loaded)) return loaded;
        var jurisdiction = tree.Find(code) ?? throw new RequestValidationException(field, $"'{code}' is not a known GB/T 2260 code");
        var register = new UnitRegister(jurisdiction, await db.UnitChanges.Where(c => c.JurisdictionCode == code).ToListAsync(cancellationToken));
        _loaded[code] = register;
        return register;
    }

    /// <summary>
    /// Refused unless a handler acts for a registered unit of its jurisdiction (<see cref="UnitRegister.EnsureStaffOf"/>):
    /// an active one to change a case (<paramref name="acting"/>), any to read — and never by a cadre seconded away from
    /// it (<see cref="SecondedHandlers"/>). Every case use case passes here through <see cref="VisibleCases"/>; other
    /// roles pass at no cost.
    /// </summary>
    public async Task EnsureUnitOfAsync(Actor actor, string action, bool acting, CancellationToken cancellationToken)
    {
        if (!actor.Is(Role.Handler)) return;
        try
        {
            if (actor.Unit is not { } unit)
                throw new PermissionDeniedException($"{action}: a handler's token names the unit it works for (the unit claim); this one names none.");
            (await OfAsync(actor.JurisdictionCode, cancellationToken)).EnsureStaffOf(unit, action, acting);
        }
        catch (PermissionDeniedException denied)
        {
            logger.LogWarning("Denied {Action} to {Caller}: {Reason}", action, actor.ToString(), denied.Message);
            throw;
        }
        // Outside the catch: this refusal logs itself, once.
        await seconded.EnsureNotSecondedAwayAsync(actor, action, cancellationToken);
    }

    /// <summary>Refused unless <paramref name="actor"/> is the office of <paramref name="register"/>'s jurisdiction; the refusal is logged.</summary>
    public void EnsureKeeper(UnitRegister register, Actor actor, string action)
    {
        try
        {
            register.EnsureKeptBy(actor, action);
        }
        catch (PermissionDeniedException)
        {
            logger.LogWarning("Denied {Action} on the units of {Target} to {Caller}", action, register.Jurisdiction.Code, actor.ToString());
            throw;
        }
    }

    /// <summary>
    /// Stores a change. Two requests changing the same unit at the same moment both write its next version; the key lets
    /// one in and the other is refused whole (Aborted): read the register again and retry.
    /// </summary>
    public async Task SaveAsync(UnitChange change, CancellationToken cancellationToken)
    {
        db.UnitChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsConflict())
        {
            _loaded.Remove(change.JurisdictionCode);
            throw new ConcurrentChangeException("Unit", $"{change.JurisdictionCode}/{change.Name}", ex);
        }
        logger.LogInformation("Unit {Name} of {Jurisdiction} {Change} by {By}", change.Name, change.JurisdictionCode, change.Kind, change.By);
    }
}
