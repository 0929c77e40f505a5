using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>The ranking of a level's audience for a year, to the level's office and assessors and those above them.</summary>
public sealed class ListRankings(ResultsReader results, SheetReach reach)
{
    public const string Operation = "ListRankings";

    public async Task<LevelResults> HandleAsync(string assessor, Audience audience, int year, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Role.Office, Role.Assessor);
        reach.EnsureMayReadLevel(actor, assessor, Operation);
        return await results.ReadAsync(assessor, audience, year, cancellationToken);
    }
}
