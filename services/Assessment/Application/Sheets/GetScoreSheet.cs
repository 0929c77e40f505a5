using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>
/// A party's sheet for a year: the frozen one once the level froze its results, otherwise computed now with every
/// sibling's, so its rank among them is today's.
/// </summary>
public sealed class GetScoreSheet(ResultsReader results, SheetReach reach, JurisdictionTree tree)
{
    public const string Operation = "GetScoreSheet";

    public async Task<PartySheet> HandleAsync(AssessedParty party, int year, Actor actor, CancellationToken cancellationToken)
    {
        var assessor = party.AssessorIn(tree);
        reach.EnsureMayRead(actor, party, Operation);
        var level = await results.ReadAsync(assessor, party.Audience, year, cancellationToken);
        return level.Parties.FirstOrDefault(p => p.Sheet.Party == party)
            ?? throw new EntityNotFoundException("ScoreSheet", $"{party} {year} (not among the parties {assessor} assesses)");
    }
}
