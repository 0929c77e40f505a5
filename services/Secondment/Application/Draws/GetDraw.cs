using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>
/// A draw as the caller may see it: anyone within reach sees the commitment; the drawing level's office and
/// organization department see the pairs at once (they organise the inspections); the seed, and the pairs for
/// everyone else, only once revealed.
/// </summary>
public sealed class GetDraw(JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "GetDraw";

    public async Task<(Draw Draw, bool ShowPairs)> HandleAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var draw = await records.FindAsync<Draw>(id, actor, Operation, cancellationToken);
        return (draw, ShowsPairs(draw, actor));
    }

    public static bool ShowsPairs(Draw draw, Actor actor) =>
        draw.Revealed || (actor.JurisdictionCode == draw.JurisdictionCode && actor.Role is Role.Office or Role.Organization);
}
