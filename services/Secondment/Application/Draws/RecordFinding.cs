using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>The drawing level records what the team found at a drawn target; nothing goes out until the draw is revealed.</summary>
public sealed class RecordFinding(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "RecordFinding";

    public async Task<Draw> HandleAsync(string id, string targetId, string findings, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireKeeper(Operation);
        await records.FindAsync<Draw>(id, actor, Operation, cancellationToken);
        var draw = await db.Draws.FirstAsync(d => d.Id == id, cancellationToken);
        draw.RecordFinding(targetId, findings);
        await DrawRules.SaveAsync(db, id, cancellationToken);
        return draw;
    }
}
