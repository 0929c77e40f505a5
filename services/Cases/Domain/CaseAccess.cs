using Ducha.BuildingBlocks;
using Ducha.Identity;

namespace Ducha.Cases.Domain;

/// <summary>Who may act on a case as its holder: the holding office's staff, or the holding unit's handlers.</summary>
public static class CaseAccess
{
    /// <summary>The caller as a party: a handler with a unit claim acts for that unit, anyone else for their office.</summary>
    public static CaseParty AsParty(this Caller caller) =>
        caller.Role == "handler" && caller.Unit is { } unit ? new CaseParty(caller.JurisdictionCode, unit) : new CaseParty(caller.JurisdictionCode);

    /// <summary>The caller as the history records them: the unit, when there is one, travels with the subject.</summary>
    public static CaseActor AsActor(this Caller caller) =>
        new(caller.Unit is null ? caller.Subject : $"{caller.Subject} ({caller.Unit})", caller.Role, caller.JurisdictionCode, caller.Level);

    public static void EnsureHolder(Case @case, Caller caller, string action)
    {
        var party = caller.AsParty();
        if (@case.Holder != party || (party.IsOffice && caller.Role != "office"))
            throw new DomainRuleException($"{action}: the case is held by {@case.Holder}; only its holder can do this.");
    }
}
