using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.DutyReports;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.DutyReports;

/// <summary>The duty reports a level's audience owes for a year: those filed, and who has not filed.</summary>
public sealed record DutyReportListing(IReadOnlyList<DutyReport> Filed, IReadOnlyList<AssessedParty> Missing);

/// <summary>
/// The duty reports of the parties an assessing level answers for: for its subordinates every county below it (a
/// city's counties; a province's cities' counties — counties are who file); for its departments the parties of its
/// scheme in force, which names them.
/// </summary>
public sealed class ListDutyReports(AssessmentDbContext db, ISchemeSource schemes, SheetReach reach, JurisdictionTree tree)
{
    public const string Operation = "ListDutyReports";

    public async Task<DutyReportListing> HandleAsync(string assessor, int year, Audience audience, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor);
        reach.EnsureMayReadLevel(actor, assessor, Operation);
        IReadOnlyList<AssessedParty> parties = [];
        if (audience == Audience.Departments)
        {
            var scheme = await schemes.InForceAsync(assessor, audience, year, cancellationToken)
                ?? throw new DomainRuleException($"No assessment scheme of {assessor} for its departments is in force for {year}: the scheme names the departments that file.");
            parties = AssessedParties.Of(tree, assessor, audience, scheme.Content);
        }
        var filers = AssessedParties.DutyReportFilers(tree, assessor, audience, parties);
        var prefix = assessor[..tree.Get(assessor).PrefixLength];
        var reports = audience == Audience.Departments
            ? db.DutyReports.Where(r => r.Year == year && r.JurisdictionCode == assessor && r.Department != "")
            : db.DutyReports.Where(r => r.Year == year && r.Department == "" && r.JurisdictionCode.StartsWith(prefix));
        var stored = await reports.AsNoTracking().ToListAsync(cancellationToken);
        var expected = filers.ToHashSet();
        var filed = stored.Where(r => expected.Contains(r.Party)).OrderBy(r => r.JurisdictionCode, StringComparer.Ordinal)
            .ThenBy(r => r.Department, StringComparer.Ordinal).ToList();
        var done = filed.Select(r => r.Party).ToHashSet();
        return new DutyReportListing(filed, [.. filers.Where(p => !done.Contains(p))]);
    }
}
