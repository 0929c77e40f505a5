namespace Ducha.Secondment.Domain.Organization;

/// <summary>
/// The shape an organization must have: each group at most once, a leading group with exactly one 组长, and no working
/// group with two. Violations name the request's fields (groups[1].members[0].role), so a form can mark them.
/// </summary>
public static class OrganizationRules
{
    public static IReadOnlyList<FieldViolation> Check(IReadOnlyList<OrganizationGroup> groups)
    {
        var violations = new List<FieldViolation>();
        var seen = new HashSet<GroupKind>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (!seen.Add(group.Kind))
                violations.Add(new($"groups[{i}].kind", $"{group.Kind} is given twice; each group appears once"));
            var leaders = group.Members.Count(m => m.Role == MemberRole.Leader);
            if (group.Kind == GroupKind.Leading && leaders != 1)
                violations.Add(new($"groups[{i}].members", $"the leading group has exactly one leader (组长); {leaders} given"));
            else if (leaders > 1)
                violations.Add(new($"groups[{i}].members", $"a group has at most one leader (组长); {leaders} given"));
        }
        if (!seen.Contains(GroupKind.Leading))
            violations.Add(new("groups", "the leading group (领导小组, GROUP_KIND_LEADING) is required"));
        return violations;
    }
}
