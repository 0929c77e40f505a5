using Ducha.ServiceDefaults.Errors;
using Ducha.ServiceDefaults.Identity;

namespace Ducha.Cases.Domain;

/// <summary>Who may act on a case as its holder: the holding office's staff, or the holding unit's handlers.</summary>
public static class CaseAccess
{
    /// <summary>The caller as a party: a handler with a unit claim acts for that unit, anyone else for their office.</summary>
    public static CaseParty AsParty(this Caller caller) =>
        caller.Role == "handler" && caller.Unit is { } unit ? new CaseParty(caller.JurisdictionCode, unit) : new CaseParty(caller.JurisdictionCode);

    public static void EnsureHolder(Case @case, Caller caller, string action)
    {
        var party = caller.AsParty();
        if (@case.Holder != party || (party.IsOffice && caller.Role != "office"))
            throw new DomainRuleException($"{action}: the case is held by {@case.Holder}; only its holder can do this.");
    }
}
