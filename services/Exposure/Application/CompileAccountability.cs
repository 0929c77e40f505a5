using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Application;

/// <summary>
/// Generates what a city's report says: for each problem aired about the city in the period, the people Cases recorded
/// as held accountable on its case, by rank and sanction. Shared by the draft and the submission, so both say the same.
/// </summary>
public sealed class CompileAccountability(ExposureDbContext db, JurisdictionTree tree, ICaseAccountability cases)
{
    public async Task<List<ProblemAccountability>> HandleAsync(Jurisdiction city, ReportingPeriod period, CancellationToken cancellationToken)
    {
        var problems = await db.AiredInAsync(tree, city, period, cancellationToken);
        var compiled = new List<ProblemAccountability>(problems.Count);
        foreach (var problem in problems)
        {
            // A problem whose case is not opened yet has nobody held accountable on it yet; it is listed all the same.
            var people = problem.CaseId is { } caseId ? await cases.PeopleHeldAccountableAsync(caseId, cancellationToken) : [];
            compiled.Add(new ProblemAccountability
            {
                ExposureId = problem.Id,
                CaseId = problem.CaseId,
                PlaceJurisdictionCode = problem.PlaceJurisdictionCode,
                AiredOn = BeijingTime.DateOf(problem.AiredAt!.Value),
                People = AccountabilityTally.Of(people),
            });
        }
        return compiled;
    }
}
