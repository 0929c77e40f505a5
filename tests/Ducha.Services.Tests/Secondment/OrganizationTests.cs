using Ducha.Contracts.Secondment.V1;
using Grpc.Core;
using RegisterUnitRequest = Ducha.Contracts.Cases.V1.RegisterUnitRequest;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// 督察组织: a level's office or organization department sets its leading group, coordination group and working groups
/// from the revision it read; a stale revision is refused, a malformed organization is refused naming the field, and a
/// level that set none reads the groups with their default duties.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class OrganizationTests(StandaloneFixture host)
{
    // 海南省: no other test keeps an organization there.
    private const string Hainan = "460000", Haikou = "460100", Xiuying = "460105", Sanya = "460200";

    private SecondmentClient As(string code, string role = "office") => new(host.As(code, role));

    private static GroupMember Member(string name, string unit, MemberRole role, string cadreId = "") => new() { Name = name, Unit = unit, Role = role, CadreId = cadreId };

    private static SetOrganizationRequest Organization(string level, int revision, string cadreId = "") => new()
    {
        JurisdictionCode = level,
        Revision = revision,
        Groups =
        {
            new Group
            {
                Kind = GroupKind.Leading,
                Members =
                {
                    Member("王海", "海口市人民政府", MemberRole.Leader),
                    Member("李明", "海口市生态环境局", MemberRole.ExecutiveDeputy),
                    Member("陈静", "海口市住房和城乡建设局", MemberRole.Deputy),
                    Member("赵强", "海口市水务局", MemberRole.Member),
                },
            },
            new Group { Kind = GroupKind.Coordination, Duties = { "负责各组之间的联络" }, Members = { Member("周敏", "海口市263办公室", MemberRole.Leader) } },
            new Group { Kind = GroupKind.PetitionSupervision, Members = { Member("孙丽", "秀英区生态环境局", MemberRole.Member, cadreId) } },
        },
    };

    [Fact]
    public async Task A_level_that_set_none_reads_each_group_with_its_default_duties_and_no_members()
    {
        var organization = await As(Sanya, "inspection_team").GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Sanya });

        Assert.Equal(0, organization.Revision);
        Assert.Null(organization.UpdatedAt);
        Assert.Equal([GroupKind.Leading, GroupKind.Coordination, GroupKind.ComprehensivePatrol, GroupKind.PetitionSupervision, GroupKind.SupervisionDiscipline],
            organization.Groups.Select(g => g.Kind));
        Assert.All(organization.Groups, g => Assert.Empty(g.Members));
        Assert.Contains("起草督察反馈意见", organization.Groups.Single(g => g.Kind == GroupKind.ComprehensivePatrol).Duties);
        Assert.Contains("检查问责落实情况", organization.Groups.Single(g => g.Kind == GroupKind.SupervisionDiscipline).Duties);
    }

    [Fact]
    public async Task The_organization_is_replaced_from_the_revision_read_and_a_stale_revision_is_aborted()
    {
        var cadre = await CadreAsync();
        var organizationDepartment = As(Haikou, "organization");

        var first = await organizationDepartment.SetOrganizationAsync(Organization(Haikou, 0, cadre));
        var read = await As(Haikou, "inspection_team").GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Haikou });
        var second = await As(Haikou).SetOrganizationAsync(Organization(Haikou, first.Revision));
        var stale = await Assert.ThrowsAsync<RpcException>(() => organizationDepartment.SetOrganizationAsync(Organization(Haikou, first.Revision)).ResponseAsync);

        Assert.Equal((1, 2), (first.Revision, second.Revision));
        Assert.Equal(first, read);
        Assert.Equal("王海", read.Groups[0].Members.Single(m => m.Role == MemberRole.Leader).Name);
        Assert.Equal(cadre, read.Groups.Single(g => g.Kind == GroupKind.PetitionSupervision).Members[0].CadreId);
        // Given without duties, the petition group keeps the ones the work assigns it; the coordination group keeps its own.
        Assert.Contains("核实信访件办理情况", read.Groups.Single(g => g.Kind == GroupKind.PetitionSupervision).Duties);
        Assert.Equal(["负责各组之间的联络"], read.Groups.Single(g => g.Kind == GroupKind.Coordination).Duties);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(2, (await As(Hainan).GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Haikou })).Revision);
    }

    [Theory]
    [InlineData("groups[0].members")]
    [InlineData("groups[1].kind")]
    [InlineData("groups[0].members[1].name")]
    [InlineData("groups[2].members[0].unit")]
    [InlineData("groups[2].members[0].cadre_id")]
    [InlineData("groups")]
    [InlineData("groups[1].duties[0]")]
    public async Task A_malformed_organization_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var request = Organization(Xiuying, 0);
        switch (field)
        {
            case "groups[0].members": request.Groups[0].Members[1].Role = MemberRole.Leader; break;
            case "groups[1].kind": request.Groups[1].Kind = GroupKind.Leading; break;
            case "groups[0].members[1].name": request.Groups[0].Members[1].Name = new string('名', 51); break;
            case "groups[2].members[0].unit": request.Groups[2].Members[0].Unit = ""; break;
            case "groups[2].members[0].cadre_id": request.Groups[2].Members[0].CadreId = Guid.NewGuid().ToString(); break;
            case "groups": request.Groups.RemoveAt(0); break;
            case "groups[1].duties[0]": request.Groups[1].Duties[0] = new string('责', 201); break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => As(Xiuying).SetOrganizationAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(0, (await As(Xiuying).GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Xiuying })).Revision);
    }

    [Fact]
    public async Task Only_the_levels_own_office_and_organization_department_set_it_and_a_sibling_reads_none()
    {
        var refusals = await Task.WhenAll(
            Assert.ThrowsAsync<RpcException>(() => As(Sanya, "inspection_team").SetOrganizationAsync(Organization(Sanya, 0)).ResponseAsync),
            Assert.ThrowsAsync<RpcException>(() => As(Hainan).SetOrganizationAsync(Organization(Sanya, 0)).ResponseAsync),
            Assert.ThrowsAsync<RpcException>(() => As(Haikou).GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Sanya }).ResponseAsync),
            Assert.ThrowsAsync<RpcException>(() => new SecondmentClient(host.AsUnit(Sanya, "三亚市生态环境局")).GetOrganizationAsync(
                new GetOrganizationRequest { JurisdictionCode = Sanya }).ResponseAsync));

        Assert.All(refusals, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(0, (await As(Sanya).GetOrganizationAsync(new GetOrganizationRequest { JurisdictionCode = Sanya })).Revision);
    }

    /// <summary>A cadre of 秀英区 the service keeps, whose home unit is in the district's register.</summary>
    private async Task<string> CadreAsync()
    {
        var unit = $"秀英区生态环境局{Guid.NewGuid().ToString("N")[..6]}";
        await new UnitsClient(host.As(Xiuying)).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Xiuying, Name = unit });
        var cadre = await As(Haikou, "organization").CreateCadreAsync(new CreateCadreRequest
        {
            JurisdictionCode = Xiuying,
            Name = "孙丽",
            HomeUnit = unit,
            Rank = CadreRank.Section,
            Subject = $"sunli-{Guid.NewGuid():N}",
        });
        return cadre.Id;
    }
}
