namespace Ducha.Secondment.Domain.Organization;

/// <summary>
/// A level's inspection organization (督察组织): its leading group, coordination group and the three working groups, with
/// their duties and members. One per level, replaced whole; <see cref="Revision"/> lets two offices editing at once
/// learn that one of them worked on a stale copy instead of silently overwriting the other.
/// </summary>
public sealed class InspectionOrganization
{
    public required string JurisdictionCode { get; init; }
    public int Revision { get; private set; }
    public IReadOnlyList<OrganizationGroup> Groups { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The organization a level has before it sets its own: each group with its default duties and no members.</summary>
    public static InspectionOrganization Unset(string jurisdictionCode) =>
        new() { JurisdictionCode = jurisdictionCode, Groups = [.. Enum.GetValues<GroupKind>().Select(k => new OrganizationGroup(k, GroupDuties.Default(k), []))] };

    public static InspectionOrganization First(string jurisdictionCode, IReadOnlyList<OrganizationGroup> groups, Actor actor, DateTimeOffset now)
    {
        var organization = new InspectionOrganization { JurisdictionCode = jurisdictionCode };
        organization.Replace(groups, 0, actor, now);
        return organization;
    }

    /// <summary>Replaces the groups, from the revision the caller read; another revision means someone changed it meanwhile.</summary>
    public void Replace(IReadOnlyList<OrganizationGroup> groups, int fromRevision, Actor actor, DateTimeOffset now)
    {
        if (fromRevision != Revision)
            throw new ConcurrentChangeException("Organization", JurisdictionCode, new InvalidOperationException(
                $"replaced from revision {fromRevision}, but the organization is at revision {Revision}"));
        // A group given without duties keeps the ones the work assigns it, so nobody reads an empty remit.
        Groups = [.. groups.OrderBy(g => g.Kind).Select(g => g.Duties.Count > 0 ? g : g with { Duties = GroupDuties.Default(g.Kind) })];
        Revision++;
        UpdatedAt = now;
        UpdatedBy = actor.Subject;
    }

    /// <summary>Whether <paramref name="group"/> names the cadre <paramref name="cadreId"/> among its members.</summary>
    public bool HasMember(GroupKind group, string cadreId) =>
        Groups.Any(g => g.Kind == group && g.Members.Any(m => m.CadreId == cadreId));

    /// <summary>The operation's roles: the level's office and its organization department.</summary>
    public static void EnsureWriter(Actor actor, string jurisdictionCode, string operation)
    {
        actor.Require(operation, Role.Office, Role.Organization);
        if (actor.JurisdictionCode != jurisdictionCode)
            throw new PermissionDeniedException($"{operation}: the organization of {jurisdictionCode} is set by its own office or organization department, not by {actor.JurisdictionCode}.");
    }
}

/// <summary>One group of the organization: its kind, its duties (Chinese, as the level words them) and its members.</summary>
public sealed record OrganizationGroup(GroupKind Kind, IReadOnlyList<string> Duties, IReadOnlyList<GroupMember> Members);

/// <summary>A member of a group; <see cref="CadreId"/> when the member is a cadre the service keeps.</summary>
public sealed record GroupMember(string Name, string Unit, MemberRole Role, string? CadreId);

/// <summary>Values match ducha.secondment.v1.GroupKind.</summary>
public enum GroupKind
{
    /// <summary>领导小组.</summary>
    Leading = 1,
    /// <summary>协调联络组.</summary>
    Coordination = 2,
    /// <summary>综合巡查组.</summary>
    ComprehensivePatrol = 3,
    /// <summary>信访督办组.</summary>
    PetitionSupervision = 4,
    /// <summary>督办监察组.</summary>
    SupervisionDiscipline = 5,
}

/// <summary>Values match ducha.secondment.v1.MemberRole.</summary>
public enum MemberRole
{
    /// <summary>组长.</summary>
    Leader = 1,
    /// <summary>常务副组长.</summary>
    ExecutiveDeputy = 2,
    /// <summary>副组长.</summary>
    Deputy = 3,
    /// <summary>成员.</summary>
    Member = 4,
}
