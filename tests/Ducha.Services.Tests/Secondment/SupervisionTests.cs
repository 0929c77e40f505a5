using System.Text.Json;
using Case = Ducha.Contracts.Cases.V1.Case;
using Channel = Ducha.Contracts.Cases.V1.Channel;
using Ducha.Contracts.Secondment.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Reference.Calendar;
using Ducha.Secondment.Data;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests.Secondment;

/// <summary>A host of its own whose clock the tests move on, from 10:00 on Monday 4 November 2024 (a month without public holidays).</summary>
public sealed class SupervisionFixture : StandaloneFixture
{
    public static readonly DateTimeOffset Monday = new(2024, 11, 4, 10, 0, 0, TimeSpan.FromHours(8));

    protected override DateTimeOffset Start => Monday;

    public Ducha.BuildingBlocks.Time.MovableClock Clock => (Ducha.BuildingBlocks.Time.MovableClock)Services.GetRequiredService<TimeProvider>();
}

/// <summary>
/// 监察申请: 贵阳市's 信访督办组 asks 督办监察组 to act on an overdue case; the request is tracked to its outcome, flagged
/// once past its own deadline, and only the inspection's groups and the office file or resolve one: a team member acts
/// for the group the level's organization names them in.
/// </summary>
public sealed class SupervisionTests(SupervisionFixture host) : IClassFixture<SupervisionFixture>
{
    private const string Guiyang = "520100", Nanming = "520102", Zunyi = "520300", Anshun = "520400", Xixiu = "520402";

    private SecondmentClient As(string code, string role) => new(host.As(code, role));

    /// <summary>A central-inspection case received by <paramref name="city"/> whose deadline passed before the clock's start: overdue.</summary>
    private async Task<Case> OverdueCaseAsync(string city, string place)
    {
        var request = CasesApiTests.ValidCase(place);
        request.CentralInspection = true;
        request.Channel = Channel.InspectionTeam;
        request.OriginalDeadline = "2024-11-01";
        request.Address = "贵州省某县某化工厂";
        request.Coordinates = new Ducha.Contracts.Cases.V1.Coordinates { Latitude = 26.6, Longitude = 106.7 };
        return await new CasesClient(host.As(city)).CreateCaseAsync(request);
    }

    /// <summary>
    /// The level's organization names one cadre in 信访督办组 and another in 督办监察组; each signs in as a member of the
    /// inspection team with the subject the cadre was registered with.
    /// </summary>
    private async Task<(SecondmentClient Petition, SecondmentClient Discipline)> GroupsAsync(string level, string unit)
    {
        try { await new UnitsClient(host.As(level)).RegisterUnitAsync(new Ducha.Contracts.Cases.V1.RegisterUnitRequest { JurisdictionCode = level, Name = unit }); }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { }
        var organization = As(level, "organization");
        async Task<Cadre> CadreAsync(string name) => await organization.CreateCadreAsync(new CreateCadreRequest
            { JurisdictionCode = level, Name = name, HomeUnit = unit, Rank = CadreRank.Section, Subject = $"cadre-{Guid.NewGuid():N}" });
        GroupMember Member(Cadre cadre) => new() { Name = cadre.Name, Unit = unit, Role = MemberRole.Member, CadreId = cadre.Id };
        var (petition, discipline) = (await CadreAsync("信访组员"), await CadreAsync("监察组员"));
        await organization.SetOrganizationAsync(new SetOrganizationRequest
        {
            JurisdictionCode = level,
            Groups =
            {
                new Group { Kind = GroupKind.Leading, Members = { new GroupMember { Name = "组长", Unit = unit, Role = MemberRole.Leader } } },
                new Group { Kind = GroupKind.PetitionSupervision, Members = { Member(petition) } },
                new Group { Kind = GroupKind.SupervisionDiscipline, Members = { Member(discipline) } },
            },
        });
        return (new(host.As(level, "inspection_team", subject: petition.Subject)), new(host.As(level, "inspection_team", subject: discipline.Subject)));
    }

    private static RequestSupervisionRequest Petition(string level, string caseId) => new()
    {
        JurisdictionCode = level,
        CaseId = caseId,
        FromGroup = GroupKind.PetitionSupervision,
        Reason = SupervisionReason.Overdue,
        Details = "该信访件已超过办理期限，承办单位仍未报送办理结果。",
    };

    [Fact]
    public async Task A_request_from_the_petition_group_about_an_overdue_case_is_tracked_to_its_outcome()
    {
        var @case = await OverdueCaseAsync(Guiyang, Nanming);
        Assert.True(@case.Overdue);
        var (petitionGroup, disciplineGroup) = await GroupsAsync(Guiyang, "贵阳市生态环境局");

        var filed = await petitionGroup.RequestSupervisionAsync(Petition(Guiyang, @case.Id));

        // Five working days after the day of filing (Monday the 4th gives Monday the 11th), on the official calendar.
        var deadline = host.Services.GetRequiredService<WorkingCalendar>().AddWorkingDays(BeijingTime.DateOf(filed.RequestedAt.ToDateTimeOffset()), 5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((SupervisionState.Open, deadline, false, @case.Id), (filed.State, filed.Deadline, filed.Overdue, filed.CaseId));
        Assert.Equal((GroupKind.PetitionSupervision, SupervisionReason.Overdue), (filed.FromGroup, filed.Reason));
        var published = await host.QueryAsync<SecondmentDbContext, string>(db =>
            db.Set<OutboxMessage>().Where(m => m.Topic == "secondment.supervision-requested" && m.Payload.Contains(filed.Id)).Select(m => m.Payload));
        var data = JsonDocument.Parse(Assert.Single(published)).RootElement.GetProperty("data");
        Assert.Equal((@case.Id, "PETITION_SUPERVISION", deadline),
            (data.GetProperty("caseId").GetString(), data.GetProperty("fromGroup").GetString(), data.GetProperty("deadline").GetString()));

        // Eight days on, past the deadline: 督办监察组 has not acted in time.
        host.Clock.Advance(TimeSpan.FromDays(8));
        var listed = Assert.Single((await As(Guiyang, "office").ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest { JurisdictionCode = Guiyang })).Requests,
            r => r.Id == filed.Id);
        Assert.True(listed.Overdue);

        // The petition group filed it; only 督办监察组 acts on it.
        var byFiler = await Assert.ThrowsAsync<RpcException>(() => petitionGroup.ResolveSupervisionAsync(
            new ResolveSupervisionRequest { Id = filed.Id, Outcome = "自行办结", AccountabilityCarriedOut = false }).ResponseAsync);
        var resolved = await disciplineGroup.ResolveSupervisionAsync(new ResolveSupervisionRequest
        {
            Id = filed.Id,
            Outcome = "已约谈承办单位负责人，责令三日内办结；对经办人予以通报批评。",
            AccountabilityCarriedOut = true,
        });
        var again = await Assert.ThrowsAsync<RpcException>(() => disciplineGroup.ResolveSupervisionAsync(
            new ResolveSupervisionRequest { Id = filed.Id, Outcome = "再次处理", AccountabilityCarriedOut = false }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, byFiler.StatusCode);
        Assert.Contains("督办监察组", byFiler.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((SupervisionState.Resolved, true, true), (resolved.State, resolved.AccountabilityCarriedOut, resolved.Overdue));
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var history = await As(Guiyang, "office").GetHistoryAsync(new GetHistoryRequest { JurisdictionCode = Guiyang });
        Assert.Equal(["supervision.requested", "supervision.resolved"], history.Entries.Where(e => e.SubjectId == filed.Id).Select(e => e.Kind));
        Assert.True((await As(Guiyang, "office").VerifyHistoryAsync(new VerifyHistoryRequest { JurisdictionCode = Guiyang })).Valid);
    }

    [Fact]
    public async Task Only_the_inspection_groups_and_the_office_of_the_level_file_and_resolve_and_only_about_its_own_cases()
    {
        var @case = await OverdueCaseAsync(Zunyi, "520302");
        var elsewhere = await OverdueCaseAsync(Guiyang, Nanming);
        var (petitionGroup, disciplineGroup) = await GroupsAsync(Zunyi, "遵义市生态环境局");
        var fromSupervisionGroup = Petition(Zunyi, @case.Id);
        fromSupervisionGroup.FromGroup = GroupKind.SupervisionDiscipline;

        var refusals = new (SecondmentClient Caller, RequestSupervisionRequest Request, StatusCode Expected, string? Field)[]
        {
            (new SecondmentClient(host.AsUnit(Zunyi, "遵义市生态环境局")), Petition(Zunyi, @case.Id), StatusCode.PermissionDenied, null),
            (As(Zunyi, "organization"), Petition(Zunyi, @case.Id), StatusCode.PermissionDenied, null),
            (As(Guiyang, "inspection_team"), Petition(Zunyi, @case.Id), StatusCode.PermissionDenied, null),
            // A team member the organization names in no group, and one of 督办监察组 filing as the petition group.
            (As(Zunyi, "inspection_team"), Petition(Zunyi, @case.Id), StatusCode.PermissionDenied, null),
            (disciplineGroup, Petition(Zunyi, @case.Id), StatusCode.PermissionDenied, null),
            (petitionGroup, fromSupervisionGroup, StatusCode.InvalidArgument, "from_group"),
            (petitionGroup, Petition(Zunyi, elsewhere.Id), StatusCode.InvalidArgument, "case_id"),
            (petitionGroup, Petition(Zunyi, Guid.NewGuid().ToString()), StatusCode.InvalidArgument, "case_id"),
            (petitionGroup, new RequestSupervisionRequest(Petition(Zunyi, @case.Id)) { Details = " " }, StatusCode.InvalidArgument, "details"),
        };
        foreach (var (caller, request, expected, field) in refusals)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => caller.RequestSupervisionAsync(request).ResponseAsync);
            Assert.Equal(expected, error.StatusCode);
            if (field is not null) Assert.Contains(field + ":", error.Status.Detail);
        }
        Assert.Empty((await As(Zunyi, "office").ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest { JurisdictionCode = Zunyi })).Requests);

        var filed = await As(Zunyi, "office").RequestSupervisionAsync(Petition(Zunyi, @case.Id));
        var resolve = new ResolveSupervisionRequest { Id = filed.Id, Outcome = "已督办", AccountabilityCarriedOut = false };
        var byDiscipline = await Assert.ThrowsAsync<RpcException>(() => As(Zunyi, "discipline").ResolveSupervisionAsync(resolve).ResponseAsync);
        var bySibling = await Assert.ThrowsAsync<RpcException>(() => As(Guiyang, "inspection_team").ResolveSupervisionAsync(resolve).ResponseAsync);
        var byNonMember = await Assert.ThrowsAsync<RpcException>(() => As(Zunyi, "inspection_team").ResolveSupervisionAsync(resolve).ResponseAsync);
        var noOutcome = await Assert.ThrowsAsync<RpcException>(() =>
            disciplineGroup.ResolveSupervisionAsync(new ResolveSupervisionRequest { Id = filed.Id }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.InvalidArgument),
            (byDiscipline.StatusCode, bySibling.StatusCode, byNonMember.StatusCode, noOutcome.StatusCode));
        Assert.Contains("outcome:", noOutcome.Status.Detail);
        Assert.Equal(SupervisionState.Open, (await As(Zunyi, "office").ListSupervisionRequestsAsync(
            new ListSupervisionRequestsRequest { JurisdictionCode = Zunyi })).Requests.Single().State);
    }

    [Fact]
    public async Task The_list_shows_open_requests_first_by_deadline_then_the_resolved_ones_page_by_page()
    {
        var office = As(Anshun, "office");
        var @case = await OverdueCaseAsync(Anshun, Xixiu);
        var first = await office.RequestSupervisionAsync(Petition(Anshun, @case.Id));
        host.Clock.Advance(TimeSpan.FromDays(1));
        var second = await office.RequestSupervisionAsync(Petition(Anshun, @case.Id));
        var third = await office.RequestSupervisionAsync(new RequestSupervisionRequest(Petition(Anshun, @case.Id)) { FromGroup = GroupKind.ComprehensivePatrol, Reason = SupervisionReason.Poor });
        var (_, disciplineGroup) = await GroupsAsync(Anshun, "安顺市生态环境局");
        await disciplineGroup.ResolveSupervisionAsync(new ResolveSupervisionRequest { Id = first.Id, Outcome = "已督促办结" });

        var seen = new List<SupervisionRequest>();
        var token = "";
        do
        {
            var page = await office.ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest { JurisdictionCode = Anshun, PageSize = 1, PageToken = token });
            seen.AddRange(page.Requests);
            token = page.NextPageToken;
        } while (token.Length > 0);

        Assert.Equal([second.Id, third.Id, first.Id], seen.Select(r => r.Id));
        Assert.True(string.CompareOrdinal(first.Deadline, second.Deadline) < 0);
        Assert.Equal([SupervisionState.Open, SupervisionState.Open, SupervisionState.Resolved], seen.Select(r => r.State));
        var badToken = await Assert.ThrowsAsync<RpcException>(() =>
            office.ListSupervisionRequestsAsync(new ListSupervisionRequestsRequest { JurisdictionCode = Anshun, PageToken = "bm90LWEtdG9rZW4" }).ResponseAsync);
        Assert.Contains("page_token", badToken.Status.Detail);
    }
}
