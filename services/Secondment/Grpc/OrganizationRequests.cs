using Ducha.Contracts.Secondment.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Grpc;

/// <summary>Request checks and contract mapping for the inspection's organization.</summary>
internal static class OrganizationRequests
{
    private const int MaxGroups = 5, MaxDuties = 20, MaxMembers = 200;

    public static void Validate(SetOrganizationRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Groups.Count is > 0 and <= MaxGroups, "groups", $"must list 1 to {MaxGroups} groups, each kind once")
            .Require(request.Revision >= 0, "revision", "must be the revision read (0 when none is set)");
        for (var i = 0; i < Math.Min(request.Groups.Count, MaxGroups); i++)
        {
            var group = request.Groups[i];
            validator.RequireDefined(group.Kind, $"groups[{i}].kind")
                .Require(group.Duties.Count <= MaxDuties, $"groups[{i}].duties", $"must list at most {MaxDuties} duties")
                .Require(group.Members.Count <= MaxMembers, $"groups[{i}].members", $"must list at most {MaxMembers} members");
            for (var d = 0; d < Math.Min(group.Duties.Count, MaxDuties); d++)
                validator.RequireText(group.Duties[d], $"groups[{i}].duties[{d}]", 200);
            for (var m = 0; m < Math.Min(group.Members.Count, MaxMembers); m++)
            {
                var member = group.Members[m];
                var field = $"groups[{i}].members[{m}]";
                validator.RequireText(member.Name, field + ".name", 50)
                    .RequireText(member.Unit, field + ".unit", 200)
                    .RequireDefined(member.Role, field + ".role")
                    .OptionalText(member.CadreId, field + ".cadre_id", 36);
            }
        }
        validator.ThrowIfInvalid(SetOrganizationRequest.Descriptor);
    }

    public static IReadOnlyList<Model.OrganizationGroup> ToDomain(this SetOrganizationRequest request) =>
        [.. request.Groups.Select(g => new Model.OrganizationGroup((Model.GroupKind)g.Kind, [.. g.Duties.Select(d => d.Trim())],
            [.. g.Members.Select(m => new Model.GroupMember(m.Name.Trim(), m.Unit.Trim(), (Model.MemberRole)m.Role, string.IsNullOrWhiteSpace(m.CadreId) ? null : m.CadreId))]))];

    public static Organization ToContract(this Model.InspectionOrganization o)
    {
        var organization = new Organization { JurisdictionCode = o.JurisdictionCode, Revision = o.Revision };
        if (o.Revision > 0) organization.UpdatedAt = Timestamp.FromDateTimeOffset(o.UpdatedAt);
        organization.Groups.AddRange(o.Groups.Select(g => new Group
        {
            Kind = (GroupKind)g.Kind,
            Duties = { g.Duties },
            Members = { g.Members.Select(m => new GroupMember { Name = m.Name, Unit = m.Unit, Role = (MemberRole)m.Role, CadreId = m.CadreId ?? "" }) },
        }));
        return organization;
    }
}
