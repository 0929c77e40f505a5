using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using ExposureEntity = Ducha.Exposure.Domain.ExposureProblem;
using ProgrammeEntity = Ducha.Exposure.Domain.Programme;

namespace Ducha.Services.Tests;

/// <summary>Proposals and programmes over the API: who proposes and sees what, which dates a column takes, what a week owes.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureScheduleTests(StandaloneFixture host)
{
    private Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Province => ExposureTestData.Client(host.Invoker);

    private async Task<(Column Column, ExposureProblem Problem)> ProvinceColumnWithProblemAsync(string place = "320505")
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        return (column, await Province.ProposeExposureAsync(ExposureTestData.Problem(column, place)));
    }

    private static PreconditionFailureSubject Refusal(RpcException error) =>
        new(error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations).Subject);

    private sealed record PreconditionFailureSubject(StatusCode Code, string Field);

    [Fact]
    public async Task A_programme_on_an_air_day_is_scheduled_with_its_problems()
    {
        var (column, problem) = await ProvinceColumnWithProblemAsync();

        var programme = await Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-10-09", ExposureIds = { problem.Id } });

        Assert.Equal(("2024-10-09", "320000"), (programme.AirDate, programme.JurisdictionCode));
        Assert.Equal([problem.Id], programme.ExposureIds);
        Assert.Null(programme.AiredAt);
    }

    [Fact]
    public async Task Tuesday_is_refused_for_the_province_column_naming_air_date_and_nothing_is_stored()
    {
        var (column, problem) = await ProvinceColumnWithProblemAsync();
        var before = await host.CountAsync<ExposureDbContext, ProgrammeEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = column.Id, AirDate = "2024-10-08", ExposureIds = { problem.Id },
        }).ResponseAsync);

        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "air_date"), Refusal(error));
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ProgrammeEntity>());
    }

    [Fact]
    public async Task A_date_before_the_column_started_and_a_second_programme_the_same_day_are_refused_naming_air_date()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320500", change: r => r.StartDate = "2024-10-14");
        var problem = await ExposureTestData.Client(host.As("320500")).ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));
        var client = ExposureTestData.Client(host.As("320500"));
        await client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-10-14", ExposureIds = { problem.Id } });

        var early = await Assert.ThrowsAsync<RpcException>(() => client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = column.Id, AirDate = "2024-10-11", ExposureIds = { problem.Id },
        }).ResponseAsync);
        var twice = await Assert.ThrowsAsync<RpcException>(() => client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = column.Id, AirDate = "2024-10-14", ExposureIds = { problem.Id },
        }).ResponseAsync);

        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "air_date"), Refusal(early));
        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "air_date"), Refusal(twice));
    }

    [Theory]
    [InlineData("column_id")]
    [InlineData("air_date")]
    [InlineData("exposure_ids")]
    public async Task Bad_programme_input_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var (column, problem) = await ProvinceColumnWithProblemAsync();
        var request = new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-10-09", ExposureIds = { problem.Id } };
        switch (field)
        {
            case "column_id": request.ColumnId = "no-such-column"; break;
            case "air_date": request.AirDate = "2024-10-9"; break;
            case "exposure_ids": request.ExposureIds[0] = "no-such-problem"; break;
        }
        var before = await host.CountAsync<ExposureDbContext, ProgrammeEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Province.ScheduleProgrammeAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail["Invalid request: ".Length..]);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ProgrammeEntity>());
    }

    [Fact]
    public async Task A_problem_outside_the_columns_jurisdiction_is_refused_and_not_stored()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320500");
        var before = await host.CountAsync<ExposureDbContext, ExposureEntity>();

        // 无锡市梁溪区 is Wuxi's, not Suzhou's.
        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320500"))
            .ProposeExposureAsync(ExposureTestData.Problem(column, "320213")).ResponseAsync);

        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "place_jurisdiction_code"), Refusal(error));
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ExposureEntity>());
    }

    [Fact]
    public async Task A_programme_takes_only_problems_proposed_for_its_own_column()
    {
        var (provinceColumn, _) = await ProvinceColumnWithProblemAsync();
        var cityColumn = await ExposureTestData.ColumnAsync(host, "320500");
        var cityProblem = await ExposureTestData.Client(host.As("320500")).ProposeExposureAsync(ExposureTestData.Problem(cityColumn, "320505"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = provinceColumn.Id, AirDate = "2024-10-09", ExposureIds = { cityProblem.Id },
        }).ResponseAsync);

        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "exposure_ids"), Refusal(error));
    }

    [Theory]
    [InlineData("320505")] // the county concerned
    [InlineData("320500")] // its city, also below the province column
    public async Task The_places_concerned_do_not_see_a_province_problem_before_it_airs(string place)
    {
        var (_, problem) = await ProvinceColumnWithProblemAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As(place))
            .GetExposureAsync(new GetExposureRequest { Id = problem.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(problem, await Province.GetExposureAsync(new GetExposureRequest { Id = problem.Id }));
    }

    [Fact]
    public async Task A_city_office_cannot_propose_for_or_schedule_on_the_province_column()
    {
        var (column, problem) = await ProvinceColumnWithProblemAsync("320500");
        var city = ExposureTestData.Client(host.As("320500"));

        var propose = await Assert.ThrowsAsync<RpcException>(() => city.ProposeExposureAsync(ExposureTestData.Problem(column, "320505")).ResponseAsync);
        var schedule = await Assert.ThrowsAsync<RpcException>(() => city.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = column.Id, AirDate = "2024-10-09", ExposureIds = { problem.Id },
        }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (propose.StatusCode, schedule.StatusCode));
    }

    [Fact]
    public async Task A_week_with_two_of_its_three_programmes_planned_is_short_but_not_yet_missed()
    {
        // The host's clock stands on Friday 2024-09-27, so the next week has every air day still ahead.
        var (column, problem) = await ProvinceColumnWithProblemAsync();
        foreach (var day in new[] { "2024-09-30", "2024-10-02" })
            await Province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = day, ExposureIds = { problem.Id } });

        var compliance = await Province.GetColumnComplianceAsync(new GetColumnComplianceRequest { ColumnId = column.Id, From = "2024-09-30", To = "2024-10-06" });

        var week = Assert.Single(compliance.Periods);
        Assert.Equal(("2024-09-30", "2024-10-06", 3, 2, 0), (week.StartDate, week.EndDate, week.Minimum, week.Planned, week.Aired));
        Assert.True(week.Short);
        Assert.False(week.Missed);
    }

    [Fact]
    public async Task Compliance_refuses_a_malformed_or_reversed_range_naming_the_field()
    {
        var (column, _) = await ProvinceColumnWithProblemAsync();

        var malformed = await Assert.ThrowsAsync<RpcException>(() => Province.GetColumnComplianceAsync(new GetColumnComplianceRequest
        {
            ColumnId = column.Id, From = "30/09/2024", To = "2024-10-06",
        }).ResponseAsync);
        var reversed = await Assert.ThrowsAsync<RpcException>(() => Province.GetColumnComplianceAsync(new GetColumnComplianceRequest
        {
            ColumnId = column.Id, From = "2024-10-06", To = "2024-09-30",
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (malformed.StatusCode, reversed.StatusCode));
        Assert.StartsWith("from:", malformed.Status.Detail["Invalid request: ".Length..]);
        Assert.StartsWith("to:", reversed.Status.Detail["Invalid request: ".Length..]);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_answers_with_the_programme_first_scheduled()
    {
        var (column, problem) = await ProvinceColumnWithProblemAsync();
        var request = new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-10-11", ExposureIds = { problem.Id }, IdempotencyKey = Guid.NewGuid().ToString() };

        var first = await Province.ScheduleProgrammeAsync(request);
        var retry = await Province.ScheduleProgrammeAsync(request);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task A_county_columns_problem_names_its_responsible_unit()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320505");
        var request = ExposureTestData.Problem(column, "320505");
        request.ResponsibleUnit = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320505")).ProposeExposureAsync(request).ResponseAsync);
        request.ResponsibleUnit = "虎丘区生态环境局";
        var proposed = await ExposureTestData.Client(host.As("320505")).ProposeExposureAsync(request);

        Assert.Equal(new PreconditionFailureSubject(StatusCode.FailedPrecondition, "responsible_unit"), Refusal(error));
        Assert.Equal("虎丘区生态环境局", proposed.ResponsibleUnit);
    }

    [Fact]
    public async Task A_problem_without_a_reason_is_refused_naming_reasons_and_not_stored()
    {
        var (column, _) = await ProvinceColumnWithProblemAsync();
        var request = ExposureTestData.Problem(column, "320505");
        request.Reasons.Clear();
        var before = await host.CountAsync<ExposureDbContext, ExposureEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Province.ProposeExposureAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("reasons:", error.Status.Detail["Invalid request: ".Length..]);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ExposureEntity>());
    }
}
