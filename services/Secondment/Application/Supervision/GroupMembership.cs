using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Application.Supervision;

/// <summary>
/// A member of the inspection team acts for the group the level's organization names them in: 信访督办组 or 综合巡查组
/// files in its own name, only 督办监察组 resolves. A team member is found through the cadre who signs in with the token's
/// subject; the level's office acts for any group.
/// </summary>
public sealed class GroupMembership(SecondmentDbContext db, ILogger<GroupMembership> logger)
{
    public async Task EnsureActsForAsync(Actor actor, string levelCode, GroupKind group, string operation, CancellationToken cancellationToken)
    {
        if (!actor.Is(Role.InspectionTeam)) return;
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Subject == actor.Subject).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.JurisdictionCode == levelCode, cancellationToken);
        if (cadre is not null && organization is not null && organization.HasMember(group, cadre)) return;
        logger.LogWarning("Denied {Operation} for {Group} of {Level} to {Caller}: not a member of the group", operation, group, levelCode, actor.ToString());
        throw new PermissionDeniedException(
            $"{operation}: the inspection organization of {levelCode} does not name the caller in {GroupDuties.Name(group)}; only its members act for it.");
    }
}
