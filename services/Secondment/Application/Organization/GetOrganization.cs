using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Application.Organization;

/// <summary>
/// A level's inspection organization, for anyone whose reach covers the level. A level that has set none gets the groups
/// with their default duties and no members, at revision 0 — the form to fill in, and the revision to set it from.
/// </summary>
public sealed class GetOrganization(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records)
{
    public const string Operation = "GetOrganization";

    public static readonly Role[] Readers = [Role.Office, Role.Organization, Role.InspectionTeam, Role.Discipline, Role.Admin];

    public async Task<InspectionOrganization> HandleAsync(string jurisdictionCode, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Operation, Readers);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        return await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.JurisdictionCode == jurisdictionCode, cancellationToken)
            ?? InspectionOrganization.Unset(jurisdictionCode);
    }
}
