using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Application.Organization;

/// <summary>
/// The level's office or organization department replaces its inspection organization whole, from the revision it read.
/// A member named as a cadre must be one the service keeps, so the roster and the organization speak of the same people.
/// </summary>
public sealed class SetOrganization(SecondmentDbContext db, JurisdictionRecords<SecondmentDbContext> records, TimeProvider time, ILogger<SetOrganization> logger)
{
    public const string Operation = "SetOrganization";

    public async Task<InspectionOrganization> HandleAsync(string jurisdictionCode, IReadOnlyList<OrganizationGroup> groups, int fromRevision, Actor actor,
        CancellationToken cancellationToken)
    {
        InspectionOrganization.EnsureWriter(actor, jurisdictionCode, Operation);
        records.EnsureWithin(actor, jurisdictionCode, Operation);
        var violations = OrganizationRules.Check(groups).Concat(await UnknownCadresAsync(groups, cancellationToken)).ToList();
        if (violations.Count > 0) throw new RequestValidationException(violations);

        var now = time.GetStoredUtcNow();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.JurisdictionCode == jurisdictionCode, cancellationToken);
        if (organization is null)
        {
            if (fromRevision != 0)
                throw new ConcurrentChangeException("Organization", jurisdictionCode, new InvalidOperationException($"replaced from revision {fromRevision}, but none is set"));
            organization = InspectionOrganization.First(jurisdictionCode, groups, actor, now);
            db.Organizations.Add(organization);
        }
        else
        {
            organization.Replace(groups, fromRevision, actor, now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException("Organization", jurisdictionCode, e);
        }
        logger.LogInformation("{Operation}: the organization of {JurisdictionCode} is now revision {Revision}, by {Role}", Operation, jurisdictionCode,
            organization.Revision, actor.Role.Name());
        return organization;
    }

    private async Task<IEnumerable<FieldViolation>> UnknownCadresAsync(IReadOnlyList<OrganizationGroup> groups, CancellationToken cancellationToken)
    {
        var named = groups.SelectMany((g, i) => g.Members.Select((m, j) => (Field: $"groups[{i}].members[{j}].cadre_id", m.CadreId)))
            .Where(m => m.CadreId is not null).ToList();
        if (named.Count == 0) return [];
        var ids = named.Select(m => m.CadreId!).Distinct().ToList();
        var known = (await db.Cadres.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return named.Where(m => !known.Contains(m.CadreId!)).Select(m => new FieldViolation(m.Field, $"no cadre '{m.CadreId}' is kept (CreateCadre records one)"));
    }
}
