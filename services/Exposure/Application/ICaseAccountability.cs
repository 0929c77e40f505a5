using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

/// <summary>The accountability recorded on a case, which the cases service keeps (问责 is recorded there, on the case).</summary>
public interface ICaseAccountability
{
    /// <summary>
    /// The people held accountable on <paramref name="caseId"/> — rank, sanction, exemption, never who — read on behalf
    /// of the person whose request is being served, so Cases applies that person's reach.
    /// </summary>
    Task<IReadOnlyList<PersonAccounted>> PeopleHeldAccountableAsync(string caseId, CancellationToken cancellationToken);
}
