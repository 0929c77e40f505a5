using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Assessment;

/// <summary>A ranked party with its name from the tree (or its department) and the way to its sheet.</summary>
public sealed record RankedRow(RankedParty Party, string Name, string SheetPath);

/// <summary>
/// A level's ranking for a year and audience as its page shows it, whether this person's office (or an assessor of it)
/// may freeze it, and where the public reads the frozen results.
/// </summary>
public sealed record RankingView(Ranking Ranking, string JurisdictionCode, string Place, int Year, Audience Audience, IReadOnlyList<RankedRow> Rows,
    bool MayFreeze, string PublicUrl);

/// <summary>Reads a ranking with ListRankings, as the signed-in person.</summary>
public sealed class RankingQuery(ConsoleAssessmentClient assessment, JurisdictionTree tree, IConfiguration configuration)
{
    public async Task<Read<RankingView>> LoadAsync(string code, int year, Audience audience, SignedInPerson person, CancellationToken cancellationToken)
    {
        if (tree.Find(code) is null) return new Read<RankingView>(null, true, null);
        return await Read.TryAsync<RankingView>(async () =>
        {
            var ranking = await assessment.ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = code, Year = year, Audience = audience },
                cancellationToken: cancellationToken);
            var rows = ranking.Parties.Select(p => new RankedRow(p, AssessmentPlaces.Party(tree, p.JurisdictionCode, p.Department),
                AssessmentPaths.Sheet(p.JurisdictionCode, year, p.Department))).ToList();
            var publicBase = configuration["Disclosure:PublicSite:BaseUrl"] is { Length: > 0 } configured ? configured : null;
            return new RankingView(ranking, code, AssessmentPlaces.FullName(tree, code), year, audience, rows,
                person.JurisdictionCode == code && person.Role is Role.Office or Role.Assessor && !ranking.Frozen,
                AssessmentPaths.Public(publicBase, code, year));
        });
    }
}
