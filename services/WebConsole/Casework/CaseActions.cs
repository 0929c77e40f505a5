using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The steps this person may take on the case now, as the service's rules allow them: only the party holding the case
/// moves it, an office assigns, verifies and closes, the party a case was assigned to returns it or reports on it. Beside
/// the lifecycle, 督 and 问责: an office above the holder supervises an open case, a stop or shutdown order still unchecked
/// may be checked by any office or unit that sees the case, an office or the supervisory organ records accountability,
/// and an office refers a clue to the organ of its own level. The page offers these and no others; the service still
/// judges every request.
/// </summary>
public sealed record CaseActions(bool Assign, bool Return, bool Report, bool Verify, bool Close,
    bool Supervise = false, bool CheckStop = false, bool Accountability = false, bool Clue = false)
{
    public static readonly CaseActions None = new(false, false, false, false, false);

    public bool Any => Assign || Return || Report || Verify || Close || Supervise || CheckStop || Accountability || Clue;

    /// <param name="stopAwaitingCheck">The case file lists a stop or shutdown order not yet checked on site.</param>
    public static CaseActions For(Case c, SignedInPerson person, JurisdictionTree tree, bool stopAwaitingCheck) => Lifecycle(c, person) with
    {
        Supervise = MaySupervise(c, person, tree),
        CheckStop = stopAwaitingCheck && (person.Role == Role.Office || person is { Role: Role.Handler, Unit: not null }),
        Accountability = person.Role is Role.Office or Role.Discipline,
        Clue = person.Role == Role.Office,
    };

    private static CaseActions Lifecycle(Case c, SignedInPerson person)
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

    /// <summary>督: an office whose jurisdiction contains the holder's, not the holding office itself, while the case is handled.</summary>
    private static bool MaySupervise(Case c, SignedInPerson person, JurisdictionTree tree) =>
        person.Role == Role.Office
        && c.Status is CaseStatus.Received or CaseStatus.Assigned or CaseStatus.Returned or CaseStatus.Reported or CaseStatus.SentBack or CaseStatus.Reopened
        && !(c.HolderJurisdictionCode == person.JurisdictionCode && c.HolderUnit.Length == 0)
        && tree.IsWithin(c.HolderJurisdictionCode, person.JurisdictionCode);

    /// <summary>The office directly below the holder toward the case's place, when the place lies below the holder.</summary>
    public static Jurisdiction? NextOfficeDown(Case c, JurisdictionTree tree)
    {
        if (c.JurisdictionCode == c.HolderJurisdictionCode || !tree.IsWithin(c.JurisdictionCode, c.HolderJurisdictionCode)) return null;
        return tree.Ancestors(c.JurisdictionCode).Prepend(tree.Get(c.JurisdictionCode)).FirstOrDefault(j => j.ParentCode == c.HolderJurisdictionCode);
    }
}
