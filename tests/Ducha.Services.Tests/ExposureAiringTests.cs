using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>Recording an airing: each problem becomes a case in Cases, assigned to whoever owes the follow-up, its clue referred.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureAiringTests(StandaloneFixture host)
{
    // The host's clock starts on Friday 27 September 2024 at 10:00, an air day of the province column.
    private static readonly DateTimeOffset FridayMorning = new(2024, 9, 27, 9, 30, 0, TimeSpan.FromHours(8));

    private Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Province => ExposureTestData.Client(host.Invoker);

    private async Task<(Column Column, ExposureProblem Problem)> ProvinceProblemAsync(string place = "320505", Action<ProposeExposureRequest>? change = null)
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var request = ExposureTestData.Problem(column, place);
        request.Polluter = UniqueName.Of("某化工有限公司", 20); // each test its own polluter, so the repeat rule links only where a test wants it
        change?.Invoke(request);
        return (column, await Province.ProposeExposureAsync(request));
    }

    [Fact]
    public async Task A_province_airing_opens_a_media_exposure_case_assigned_to_the_city_due_five_working_days_after_the_airing()
    {
        var (column, problem) = await ProvinceProblemAsync("320505");

        var programme = await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayMorning, problem);
        var exposed = await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Id);

        Assert.Equal(Timestamp.FromDateTimeOffset(FridayMorning), programme.AiredAt);
        Assert.Equal("test-office-320000", programme.AiredBy);
        // Sunday 29 September is a make-up working day, Monday 30 September a working day, 1–7 October the National Day holiday.
        Assert.Equal(("320500", "2024-10-10"), (exposed.FollowUpJurisdictionCode, exposed.FollowUpDeadline));
        var file = await new CasesClient(host.Invoker).GetCaseFileAsync(new GetCaseFileRequest { Id = exposed.CaseId });
        Assert.Equal((Channel.MediaExposure, "320505", problem.Polluter), (file.Case.Channel, file.Case.JurisdictionCode, file.Case.Polluter));
        Assert.Equal(("320500", "2024-10-10", CaseStatus.Assigned), (file.Case.HolderJurisdictionCode, file.Case.Deadline, file.Case.Status));
        var clue = Assert.Single(file.ClueReferrals);
        Assert.Equal("320000", clue.SupervisoryOrganJurisdictionCode);
        Assert.Contains(problem.Polluter, clue.Summary);
    }

    [Fact]
    public async Task The_city_sees_the_problem_once_aired_and_the_case_history_names_the_service_and_the_office_it_acted_for()
    {
        var (column, problem) = await ProvinceProblemAsync("320505");
        var city = ExposureTestData.Client(host.As("320500"));
        await Assert.ThrowsAsync<RpcException>(() => city.GetExposureAsync(new GetExposureRequest { Id = problem.Id }).ResponseAsync);

        await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayMorning, problem);
        var exposed = await ExposureTestData.WithCaseAsync(host, host.As("320500"), problem.Id);

        var history = await new CasesClient(host.As("320500")).GetHistoryAsync(new GetHistoryRequest { Id = exposed.CaseId });
        Assert.Equal(["Receive", "AssignDown", "ReferClue"], history.Transitions.Select(t => t.Action));
        Assert.All(history.Transitions, t => Assert.Equal(("exposure for test-office-320000", "service", "320000"), (t.Actor, t.ActorRole, t.ActorJurisdictionCode)));
    }

    [Fact]
    public async Task A_city_airing_goes_to_the_county_and_a_county_airing_to_the_unit_it_named()
    {
        var cityColumn = await ExposureTestData.ColumnAsync(host, "320500");
        var countyColumn = await ExposureTestData.ColumnAsync(host, "320505");
        var cityProblem = await ExposureTestData.Client(host.As("320500")).ProposeExposureAsync(ExposureTestData.Problem(cityColumn, "320505"));
        var countyProblem = await ExposureTestData.Client(host.As("320505")).ProposeExposureAsync(ExposureTestData.Problem(countyColumn, "320505"));

        await ExposureTestData.AirAsync(host.As("320500"), cityColumn, "2024-09-27", FridayMorning, cityProblem);
        await ExposureTestData.AirAsync(host.As("320505"), countyColumn, "2024-09-27", FridayMorning, countyProblem);
        var cityCase = await new CasesClient(host.Invoker).GetCaseAsync(new GetCaseRequest { Id = (await ExposureTestData.WithCaseAsync(host, host.Invoker, cityProblem.Id)).CaseId });
        var countyCase = await new CasesClient(host.Invoker).GetCaseAsync(new GetCaseRequest { Id = (await ExposureTestData.WithCaseAsync(host, host.Invoker, countyProblem.Id)).CaseId });

        Assert.Equal(("320505", "", "2024-10-10"), (cityCase.HolderJurisdictionCode, cityCase.HolderUnit, cityCase.Deadline));
        Assert.Equal(("320505", "虎丘区生态环境局", "2024-10-10"), (countyCase.HolderJurisdictionCode, countyCase.HolderUnit, countyCase.Deadline));
    }

    [Fact]
    public async Task When_Cases_refuses_the_case_for_good_the_problem_says_why_and_the_opener_stops_asking()
    {
        var units = new Ducha.Contracts.Cases.V1.Units.UnitsClient(host.As("320505"));
        var unit = UniqueName.Of("浒墅关镇人民政府", 16);
        await units.RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = "320505", Name = unit });
        var column = await ExposureTestData.ColumnAsync(host, "320505");
        var request = ExposureTestData.Problem(column, "320505");
        request.ResponsibleUnit = unit;
        var problem = await ExposureTestData.Client(host.As("320505")).ProposeExposureAsync(request);
        await units.RetireUnitAsync(new RetireUnitRequest { JurisdictionCode = "320505", Name = unit, Reason = "撤并" });

        await ExposureTestData.AirAsync(host.As("320505"), column, "2024-09-27", FridayMorning, problem);
        var until = DateTime.UtcNow.AddSeconds(30);
        ExposureProblem seen;
        do
        {
            await Task.Delay(200);
            seen = await ExposureTestData.Client(host.As("320505")).GetExposureAsync(new GetExposureRequest { Id = problem.Id });
        }
        while (seen.CaseRefusal.Length == 0 && DateTime.UtcNow < until);

        Assert.Contains("handling_unit", seen.CaseRefusal); // the retired unit can no longer be assigned
        Assert.Equal("", seen.CaseId);
        Assert.Equal("2024-10-10", seen.FollowUpDeadline); // the airing stands; only its case waits for an office
    }

    [Fact]
    public async Task An_aired_problem_about_a_polluter_with_an_open_case_is_linked_to_it_by_the_repeat_rule()
    {
        var (column, problem) = await ProvinceProblemAsync("320505");
        var earlier = await new CasesClient(host.As("320505")).CreateCaseAsync(new CreateCaseRequest
        {
            JurisdictionCode = "320505", Address = "某镇某路88号", Polluter = problem.Polluter, PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Water,
            Description = "群众反映夜间偷排", Channel = Channel.Hotline12369,
        });

        await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayMorning, problem);
        var exposed = await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Id);

        var opened = await new CasesClient(host.Invoker).GetCaseAsync(new GetCaseRequest { Id = exposed.CaseId });
        Assert.Equal(earlier.Id, opened.LinkedCaseId);
    }

    [Fact]
    public async Task An_airing_in_the_future_is_refused_naming_aired_at_and_nothing_is_stored()
    {
        var (column, problem) = await ProvinceProblemAsync();
        var programme = await Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-10-09", ExposureIds = { problem.Id } });
        var outbox = await host.CountAsync<ExposureDbContext, OutboxMessage>();

        var future = await Assert.ThrowsAsync<RpcException>(() => Province.RecordAiringAsync(new RecordAiringRequest
        {
            Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 10, 9, 20, 0, 0, TimeSpan.FromHours(8))),
        }).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Province.RecordAiringAsync(new RecordAiringRequest { Id = programme.Id }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "aired_at"), (future.StatusCode, InvalidField(future)));
        Assert.Equal((StatusCode.InvalidArgument, "aired_at"), (missing.StatusCode, InvalidField(missing)));
        Assert.Equal("", (await Province.GetExposureAsync(new GetExposureRequest { Id = problem.Id })).FollowUpDeadline);
        Assert.Equal(outbox, await host.CountAsync<ExposureDbContext, OutboxMessage>());
    }

    [Fact]
    public async Task An_airing_before_the_air_date_or_a_second_airing_is_refused_and_moves_no_deadline()
    {
        var (column, problem) = await ProvinceProblemAsync();
        var programme = await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayMorning, problem);
        var other = await Province.ProposeExposureAsync(ExposureTestData.Problem(column, "320506"));
        var monday = await Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-09-30", ExposureIds = { other.Id } });

        var early = await Assert.ThrowsAsync<RpcException>(() => Province.RecordAiringAsync(new RecordAiringRequest
        {
            Id = monday.Id, AiredAt = Timestamp.FromDateTimeOffset(FridayMorning),
        }).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => Province.RecordAiringAsync(new RecordAiringRequest
        {
            Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(FridayMorning.AddMinutes(10)),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("2024-10-10", (await Province.GetExposureAsync(new GetExposureRequest { Id = problem.Id })).FollowUpDeadline);
    }

    [Fact]
    public async Task Only_the_columns_own_office_records_its_airing()
    {
        var (column, problem) = await ProvinceProblemAsync();
        var programme = await Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-09-27", ExposureIds = { problem.Id } });
        var request = new RecordAiringRequest { Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(FridayMorning) };

        var city = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320500")).RecordAiringAsync(request).ResponseAsync);
        var discipline = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320000", "discipline")).RecordAiringAsync(request).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (city.StatusCode, discipline.StatusCode));
        Assert.Null((await Province.GetExposureAsync(new GetExposureRequest { Id = problem.Id })).AiredAt);
    }

    [Theory]
    [InlineData("office", null)]          // a person, however senior, files complaints through CreateCase
    [InlineData("service", "secondment")] // another service acting for the office
    public async Task Cases_opens_an_exposure_case_only_for_the_exposure_service_acting_for_an_office(string role, string? service)
    {
        var token = service is null ? host.Tokens.Issue("320000", role, "clerk")
            : host.Tokens.Issue("320000", role, service, onBehalfOf: "clerk", onBehalfOfRole: "office");
        var caller = Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(host.Channel.CreateCallInvoker(), m => { m.Add("Authorization", "Bearer " + token); return m; });

        var error = await Assert.ThrowsAsync<RpcException>(() => new CasesClient(caller).OpenExposureCaseAsync(new OpenExposureCaseRequest
        {
            ExposureId = Guid.NewGuid().ToString(), JurisdictionCode = "320505", Address = "某路1号", Polluter = "某厂", Description = "偷排",
            PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Water, AiredAt = Timestamp.FromDateTimeOffset(FridayMorning), ToJurisdictionCode = "320500",
            FollowUpWorkingDays = 5, FollowUpDeadline = "2024-10-10", ClueSummary = "线索",
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Theory]
    [InlineData(1_727_697_600L, -1)]             // 2024-09-30 12:00 UTC with nanos no Timestamp holds
    [InlineData(1_727_697_600L, 1_000_000_000)]
    [InlineData(long.MaxValue, 0)]               // seconds past year 9999
    [InlineData(-62_135_596_801L, 0)]            // a second before year 1
    public async Task An_instant_no_timestamp_can_hold_is_refused_naming_aired_at_by_exposure_and_by_cases(long seconds, int nanos)
    {
        var odd = new Timestamp { Seconds = seconds, Nanos = nanos };
        var exposure = ExposureTestData.Client(host.Invoker);
        var token = host.Tokens.Issue("320000", "service", "exposure", onBehalfOf: "clerk", onBehalfOfRole: "office");
        var asExposure = Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(host.Channel.CreateCallInvoker(), m => { m.Add("Authorization", "Bearer " + token); return m; });

        var airing = await Assert.ThrowsAsync<RpcException>(() => exposure.RecordAiringAsync(new RecordAiringRequest { Id = Guid.NewGuid().ToString(), AiredAt = odd }).ResponseAsync);
        var opening = await Assert.ThrowsAsync<RpcException>(() => new CasesClient(asExposure).OpenExposureCaseAsync(new OpenExposureCaseRequest
        {
            ExposureId = Guid.NewGuid().ToString(), JurisdictionCode = "320505", Address = "某路1号", Polluter = "某厂", Description = "偷排",
            PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Water, AiredAt = odd, ToJurisdictionCode = "320500",
            FollowUpWorkingDays = 5, FollowUpDeadline = "2024-10-10", ClueSummary = "线索",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "aired_at"), (airing.StatusCode, InvalidField(airing)));
        Assert.Equal((StatusCode.InvalidArgument, "aired_at"), (opening.StatusCode, InvalidField(opening)));
    }

    private static string InvalidField(RpcException error) =>
        Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field;
}
