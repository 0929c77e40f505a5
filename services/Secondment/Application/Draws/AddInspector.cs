using Ducha.Reference.Jurisdictions;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Draws;

/// <summary>
/// Enters an inspector in a level's register: a seconded cadre, whose name, home unit and home jurisdiction come from
/// the cadre's record (so avoidance cannot be dodged by typing another unit), or enforcement staff as given.
/// </summary>
public sealed class AddInspector(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records, JurisdictionTree tree, TimeProvider time)
{
    public const string Operation = "AddInspector";

    public async Task<Inspector> HandleAsync(string jurisdictionCode, string? cadreId, string? name, string? unit, string? homeJurisdictionCode,
        string? idempotencyKey, Actor actor, CancellationToken cancellationToken)
    {
        actor.RequireKeeper(Operation);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var now = time.GetStoredUtcNow();
        Inspector inspector;
        if (!string.IsNullOrEmpty(cadreId))
        {
            var cadre = await records.FindAsync<Cadre>(cadreId, actor, Operation, cancellationToken);
            if (await db.Inspectors.AnyAsync(i => i.JurisdictionCode == jurisdictionCode && i.CadreId == cadreId, cancellationToken)
                && (idempotencyKey is null || !await db.Inspectors.AnyAsync(i => i.IdempotencyKey == idempotencyKey, cancellationToken)))
                throw new DomainRuleException($"干部 {cadre.Name} 已在本级执法检查人员名录中", "cadre_id");
            inspector = Inspector.Register(jurisdictionCode, cadre.Id, cadre.Name, cadre.HomeUnit, cadre.JurisdictionCode, idempotencyKey, now);
        }
        else
        {
            if (tree.Find(homeJurisdictionCode!) is null)
                throw new RequestValidationException("home_jurisdiction_code", $"'{homeJurisdictionCode}' is not a jurisdiction of the reference tree");
            inspector = Inspector.Register(jurisdictionCode, null, name!, unit!, homeJurisdictionCode!, idempotencyKey, now);
        }

        return await records.FileAsync(inspector, actor, Operation, cancellationToken);
    }
}
