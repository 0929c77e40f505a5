using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The steps this person may take on the case now, as the service's rules allow them: only the party holding the case
/// moves it, an office assigns, verifies and closes, the party a case was assigned to returns it or reports on it. The
/// page offers these and no others; the service still judges every request.
/// </summary>
public sealed record CaseActions(bool Assign, bool Return, bool Report, bool Verify, bool Close)
{
    public static readonly CaseActions None = new(false, false, false, false, false);

    public bool Any => Assign || Return || Report || Verify || Close;

    public static CaseActions For(Case c, SignedInPerson person)
    {
        if (person.Role is not (Role.Office or Role.Handler)) return None;
        var asUnit = person.Role == Role.Handler ? person.Unit : null;
        if (person.Role == Role.Handler && asUnit is null) return None;
        var holds = c.HolderJurisdictionCode == person.JurisdictionCode && (c.HolderUnit ?? "") == (asUnit ?? "");
        if (!holds) return None;
        var office = asUnit is null;
        // A case reached its holder by an assignment unless the holder is the office that received it.
        var assignedHere = !office || c.HolderJurisdictionCode != c.OriginJurisdictionCode;
        return new CaseActions(
            Assign: office && c.Status is CaseStatus.Received or CaseStatus.Assigned or CaseStatus.Returned or CaseStatus.SentBack or CaseStatus.Reopened,
            Return: c.Status == CaseStatus.Assigned && assignedHere,
            Report: assignedHere && c.Status is CaseStatus.Assigned or CaseStatus.SentBack or CaseStatus.Returned,
            Verify: office && c.Status == CaseStatus.Reported,
            Close: office && c.Status == CaseStatus.Verified);
    }

    /// <summary>The office directly below the holder toward the case's place, when the place lies below the holder.</summary>
    public static Jurisdiction? NextOfficeDown(Case c, JurisdictionTree tree)
    {
        if (c.JurisdictionCode == c.HolderJurisdictionCode || !tree.IsWithin(c.JurisdictionCode, c.HolderJurisdictionCode)) return null;
        return tree.Ancestors(c.JurisdictionCode).Prepend(tree.Get(c.JurisdictionCode)).FirstOrDefault(j => j.ParentCode == c.HolderJurisdictionCode);
    }
}
