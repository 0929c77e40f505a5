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
        if (!string.IsNullOrEmpty(cadreId))
        {
            var cadre = await records.FindAsync<Cadre>(cadreId, actor, Operation, cancellationToken);
            if (await db.Inspectors.AnyAsync(i => i.JurisdictionCode == jurisdictionCode && i.CadreId == cadreId, cancellationToken)
                && (idempotencyKey is null || !await db.Inspectors.AnyAsync(i => i.IdempotencyKey == idempotencyKey, cancellationToken)))
                throw AlreadyListed(cadre);
            var inspector = Inspector.Register(jurisdictionCode, cadre.Id, cadre.Name, cadre.HomeUnit, cadre.JurisdictionCode, idempotencyKey, now);
            try
            {
                return await records.FileAsync(inspector, actor, Operation, cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsConflict())
            {
                throw AlreadyListed(cadre);
            }
        }
        if (tree.Find(homeJurisdictionCode!) is null)
            throw new RequestValidationException("home_jurisdiction_code", $"'{homeJurisdictionCode}' is not a jurisdiction of the reference tree");
        return await records.FileAsync(Inspector.Register(jurisdictionCode, null, name!, unit!, homeJurisdictionCode!, idempotencyKey, now), actor, Operation,
            cancellationToken);
    }

    private static DomainRuleException AlreadyListed(Cadre cadre) => new($"干部 {cadre.Name} 已在本级执法检查人员名录中", "cadre_id");
}
