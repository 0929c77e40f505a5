namespace Ducha.Cases.Domain;

/// <summary>What <see cref="Case.Return"/> did: the hop it undid, how often the two parties have bounced it, and whether that was the second time.</summary>
public sealed record CaseReturn(CaseAssignment Hop, int Bounces, bool BuckPassingFlagged);

/// <summary>What <see cref="Case.RecountDeadlines"/> did: how many hops it counted again, and the case's deadline before and after.</summary>
public sealed record DeadlineRecount(int Hops, DateOnly? Before, DateOnly? After);

/// <summary>
/// What <see cref="Case.VerifyReport"/> did at <paramref name="Office"/>: accepted up the hop <paramref name="Up"/> (null
/// when the originating office verified it), or sent back down the hop <paramref name="Down"/>.
/// </summary>
public sealed record Verification(CaseParty Office, CaseAssignment? Up, CaseAssignment? Down)
{
    public bool Accepted => Down is null;
    public bool Final => Accepted && Up is null;
}
