using Ducha.Cases.Application;
using Ducha.BuildingBlocks;
using Ducha.Cases.Data;
using AssignmentRules = Ducha.Cases.Domain.AssignmentRules;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using CaseEntity = Ducha.Cases.Domain.Case;
using CaseParty = Ducha.Cases.Domain.CaseParty;

namespace Ducha.Services.Tests;

/// <summary>转: down the tree one level at a time, deadlines on the official calendar, no squeezing.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class AssignDownTests(StandaloneFixture host)
{
    private Ducha.Contracts.Cases.V1.Cases.CasesClient As(string jurisdiction) => new(host.As(jurisdiction));

    private async Task<Case> ProvinceReceivesAsync() => await As("320000").CreateCaseAsync(CasesApiTests.ValidCase("320505"));

    [Fact]
    public async Task Province_to_city_to_county_with_deadlines_across_National_Day()
    {
        var received = await ProvinceReceivesAsync();
        Assert.Equal("320000", received.HolderJurisdictionCode);

        // Friday 2024-09-27, 10:00: ten working days skip the holiday week and count both make-up Saturdays/Sundays.
        var atCity = await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });
        var atCounty = await As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 9 });

        Assert.Equal("320500", atCity.HolderJurisdictionCode);
        Assert.Equal("2024-10-16", atCity.Deadline);
        Assert.Equal(CaseStatus.Assigned, atCity.Status);
        Assert.Equal("320505", atCounty.HolderJurisdictionCode);
        Assert.Equal("2024-10-15", atCounty.Deadline);
        var history = await As("320505").GetHistoryAsync(new GetHistoryRequest { Id = received.Id });
        Assert.Equal(["Receive", "AssignDown", "AssignDown"], history.Transitions.Select(t => t.Action));
        Assert.Equal("320500", history.Transitions[2].ActorJurisdictionCode);
        Assert.True((await As("320505").VerifyHistoryAsync(new VerifyHistoryRequest { Id = received.Id })).Intact);
    }

    [Fact]
    public async Task A_squeezed_deadline_is_refused_and_nothing_changes()
    {
        var received = await ProvinceReceivesAsync();
        await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 8 }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Squeezed", error.Status.Detail);
        Assert.Contains("at least 9", error.Status.Detail);
        // The refusal names the field a form should mark.
        Assert.Equal("working_days", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations).Subject);
        var unchanged = await As("320500").GetCaseAsync(new GetCaseRequest { Id = received.Id });
        Assert.Equal("320500", unchanged.HolderJurisdictionCode);
        Assert.Equal("2024-10-16", unchanged.Deadline);
        Assert.Equal(2, (await As("320500").GetHistoryAsync(new GetHistoryRequest { Id = received.Id })).Transitions.Count);
    }

    [Fact]
    public async Task The_terms_name_the_fewest_working_days_the_rule_allows_and_assigning_them_is_accepted()
    {
        var received = await ProvinceReceivesAsync();
        var fresh = await As("320000").GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = received.Id });
        await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 10 });

        var terms = await As("320500").GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = received.Id });
        var atCounty = await As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = terms.MinWorkingDays });

        // The receiving office has no deadline of its own: nothing to squeeze.
        Assert.False(fresh.HasMinimum);
        Assert.False(fresh.HasMaximum);
        Assert.Equal((true, 9, "2024-10-16", 1), (terms.HasMinimum, terms.MinWorkingDays, terms.HolderDeadline, terms.ReportingMargin));
        Assert.Equal("2024-10-15", atCounty.Deadline);
        var legacy = CasesApiTests.ValidCase("320505");
        legacy.CentralInspection = true;
        legacy.OriginalDeadline = "2024-10-18";
        var old = await As("320000").CreateCaseAsync(legacy);
        var bounded = await As("320000").GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = old.Id });
        Assert.Equal((true, 12), (bounded.HasMaximum, bounded.MaxWorkingDays));
        var sibling = await Assert.ThrowsAsync<RpcException>(() =>
            As("320200").GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = received.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    [Fact]
    public async Task Only_the_holder_assigns_and_only_one_level_down_toward_the_place()
    {
        var received = await ProvinceReceivesAsync();

        var notHolder = await Assert.ThrowsAsync<RpcException>(() =>
            As("320500").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 5 }).ResponseAsync);
        var skipsALevel = await Assert.ThrowsAsync<RpcException>(() =>
            As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320505", WorkingDays = 5 }).ResponseAsync);
        var wrongCity = await Assert.ThrowsAsync<RpcException>(() =>
            As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320200", WorkingDays = 5 }).ResponseAsync);
        var noDays = await Assert.ThrowsAsync<RpcException>(() =>
            As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = "320500", WorkingDays = 0 }).ResponseAsync);

        // The city has not been on the case's chain yet: it may not act on it (nor see it).
        Assert.Equal(StatusCode.PermissionDenied, notHolder.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, skipsALevel.StatusCode);
        Assert.Contains("to_jurisdiction_code", skipsALevel.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, wrongCity.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noDays.StatusCode);
        Assert.Contains("working_days", noDays.Status.Detail);
        Assert.Equal("320000", (await As("320000").GetCaseAsync(new GetCaseRequest { Id = received.Id })).HolderJurisdictionCode);
    }

    [Fact]
    public void A_night_time_assignment_is_delivered_at_8_on_the_next_working_day_and_its_clock_starts_then()
    {
        var calendar = WorkingCalendar.LoadEmbedded();
        var rules = new AssignmentRules(JurisdictionTree.LoadEmbedded(), calendar, new TaskDelivery(calendar), 1);
        var @case = NightCase();

        var plan = rules.Plan(@case, new CaseParty("320500"), 5, new DateTimeOffset(2024, 9, 27, 21, 30, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateTimeOffset(2024, 9, 29, 8, 0, 0, TimeSpan.FromHours(8)), plan.DeliveredAt);
        Assert.Equal(new DateOnly(2024, 10, 11), plan.Deadline);
    }

    [Fact]
    public void The_reporting_margin_is_configurable()
    {
        var calendar = WorkingCalendar.LoadEmbedded();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CaseRuleSettings.MarginKey] = "0" }).Build();
        var rules = new AssignmentRules(JurisdictionTree.LoadEmbedded(), calendar, new TaskDelivery(calendar), CaseRuleSettings.From(config).ReportingMarginWorkingDays);
        // A legacy case arrives with its deadline, as a hop from above would bring one.
        var @case = CaseEntity.Receive(new Ducha.Cases.Domain.CaseIntake("320505", "苏州", null, null, null, Ducha.BuildingBlocks.PollutionType.Air, "夜间排放",
            Ducha.Cases.Domain.Channel.InspectionTeam, true, new DateOnly(2024, 10, 16), null, []), "320500", StandaloneFixture.Now);

        var refused = Assert.Throws<DomainRuleException>(() => rules.Plan(@case, new CaseParty("320505"), 9, StandaloneFixture.Now));
        var plan = rules.Plan(@case, new CaseParty("320505"), 10, StandaloneFixture.Now);

        Assert.Contains("at least 10", refused.Message);
        Assert.Equal(new DateOnly(2024, 10, 16), plan.Deadline);
    }

    internal static CaseEntity NightCase() => CaseEntity.Receive(new Ducha.Cases.Domain.CaseIntake("320505", "苏州", null, null, null,
        Ducha.BuildingBlocks.PollutionType.Air, "夜间排放", Ducha.Cases.Domain.Channel.Hotline12369, false, null, null, []), "320000", StandaloneFixture.Now);
}
