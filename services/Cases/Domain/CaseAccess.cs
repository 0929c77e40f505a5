using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>
/// Who sees a case: the handling chain decides. The offices it has passed through and those above them see it; an office
/// below the holder sees nothing of it until the case reaches it, and a handling unit sees the cases assigned to it. The
/// reporter is known only to the offices that have held the case and to a unit while it holds it.
/// </summary>
public static class CaseAccess
{
    /// <summary>The actor as a party to a case: handling-unit staff act for their unit, everyone else for their office.</summary>
    public static CaseParty AsParty(this Actor actor) =>
        actor.Role == Role.Handler && actor.Unit is { } unit ? new CaseParty(actor.JurisdictionCode, unit) : new CaseParty(actor.JurisdictionCode);

    /// <summary>The actor as the history records them: the unit, or the person a service acts for, travels with the subject.</summary>
    public static CaseActor AsHistoryActor(this Actor actor) =>
        new(actor switch
        {
            { Unit: { } unit } => $"{actor.Subject} ({unit})",
            { OnBehalfOf: { } person } => $"{actor.Subject} for {person}",
            _ => actor.Subject,
        }, actor.Role.Name(), actor.JurisdictionCode, actor.Level);

    /// <summary>Whether <paramref name="actor"/> may see the case at all; <paramref name="chain"/> holds every hop of every round.</summary>
    public static bool CanSee(this Case @case, Actor actor, AssignmentChain chain, JurisdictionTree tree) =>
        actor.SeesByChain()
            ? chain.All.Any(h => h.To == actor.AsParty())
            : tree.IsWithin(@case.ReachedJurisdictionCode, actor.JurisdictionCode);

    /// <summary>
    /// Whether what <paramref name="actor"/> may see depends on a case's chain: a unit's does; an office's depends only
    /// on how far the case has reached, so a read for an office need not load the chain.
    /// </summary>
    public static bool SeesByChain(this Actor actor) => !actor.AsParty().IsOffice;

    /// <summary>Whether <paramref name="actor"/> may read who complained.</summary>
    public static bool CanSeeReporter(this Case @case, Actor actor, JurisdictionTree tree) => actor.Role switch
    {
        Role.Office => tree.IsWithin(@case.ReachedJurisdictionCode, actor.JurisdictionCode)
                       && tree.IsWithin(actor.JurisdictionCode, @case.OriginJurisdictionCode),
        Role.Handler => actor.Unit is not null && @case.Holder == actor.AsParty(),
        _ => false,
    };
}
