namespace Ducha.Secondment.Application.Supervision;

/// <summary>The cases the cases service keeps, as the person asking may see them.</summary>
public interface ICaseDirectory
{
    /// <summary>
    /// The jurisdiction (GB/T 2260 code of the place) of case <paramref name="caseId"/>, or null when there is no such case
    /// or the person asking may not see it — the same answer for both, so nobody learns of cases outside their reach.
    /// </summary>
    Task<string?> FindCaseJurisdictionAsync(string caseId, CancellationToken cancellationToken);
}
