using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>回访: who records a follow-up, on which column, with which dates; what is refused and what stays unchanged.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureFollowUpTests(StandaloneFixture host)
{
    // Friday 27 September 2024 (the host's today), 09:30: aired this morning, follow-up due Thursday 10 October.
    private static readonly DateTimeOffset FridayMorning = new(2024, 9, 27, 9, 30, 0, TimeSpan.FromHours(8));

    private Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Suzhou => ExposureTestData.Client(host.As("320500"));

    private async Task<(Column Province, ExposureProblem Problem)> AiredAsync()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var problem = await ExposureTestData.Client(host.Invoker).ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));
        await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-27", FridayMorning, problem);
        return (column, problem);
    }

    private static RecordFollowUpRequest FollowUp(string id, string? columnId, string visit = "2024-09-27", string broadcast = "2024-09-27")
    {
        var request = new RecordFollowUpRequest
        {
            Id = id, ReturnVisit = new ReturnVisit { Date = visit, Findings = "企业已停产，正在整改", RectificationState = RectificationState.Rectifying },
        };
        if (columnId is not null) request.Broadcast = new FollowUpBroadcast { ColumnId = columnId, AirDate = broadcast };
        return request;
    }

    [Fact]
    public async Task The_city_records_its_return_visit_and_then_its_broadcast_and_the_follow_up_is_on_time()
    {
        var (_, problem) = await AiredAsync();
        var cityColumn = await ExposureTestData.ColumnAsync(host, "320500");

        var visited = await Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, null));
        var done = await Suzhou.RecordFollowUpAsync(new RecordFollowUpRequest
        {
            Id = problem.Id, Broadcast = new FollowUpBroadcast { ColumnId = cityColumn.Id, AirDate = "2024-09-27" },
        });

        Assert.Equal((FollowUpState.Pending, false), (visited.FollowUpState, visited.ReturnVisit.Late));
        Assert.Equal((FollowUpState.OnTime, "test-office-320500"), (done.FollowUpState, done.FollowUpBroadcast.RecordedBy));
        Assert.Equal((RectificationState.Rectifying, "2024-09-27"), (done.ReturnVisit.RectificationState, done.ReturnVisit.Date));
    }

    [Fact]
    public async Task The_province_column_and_a_column_without_follow_ups_are_refused_naming_the_column_and_nothing_is_stored_or_published()
    {
        var (province, problem) = await AiredAsync();
        var noFollowUps = await ExposureTestData.ColumnAsync(host, "320500", change: r => r.CarriesFollowUps = false);

        var onProvince = await Assert.ThrowsAsync<RpcException>(() => Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, province.Id)).ResponseAsync);
        var onPlain = await Assert.ThrowsAsync<RpcException>(() => Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, noFollowUps.Id)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "broadcast.column_id"), (onProvince.StatusCode, Field(onProvince)));
        Assert.Equal((StatusCode.FailedPrecondition, "broadcast.column_id"), (onPlain.StatusCode, Field(onPlain)));
        var unchanged = await Suzhou.GetExposureAsync(new GetExposureRequest { Id = problem.Id });
        Assert.Null(unchanged.ReturnVisit);
        Assert.Null(unchanged.FollowUpBroadcast);
        // The event goes out with the follow-up or not at all: the refused request's return visit was not told either.
        Assert.Empty(await host.QueryAsync<ExposureDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == "exposure.follow-up-recorded" && m.Payload.Contains(problem.Id)).Select(m => m.Payload)));
    }

    [Theory]
    [InlineData("2024-09-26", "2024-09-27", "return_visit.date")]   // before the airing
    [InlineData("2024-09-27", "2024-09-30", "broadcast.air_date")]  // in the future
    [InlineData("2024-9-27", "2024-09-27", "return_visit.date")]    // not yyyy-MM-dd
    public async Task A_follow_up_dated_before_the_airing_or_in_the_future_is_refused_naming_the_field(string visit, string broadcast, string field)
    {
        var (_, problem) = await AiredAsync();
        var cityColumn = await ExposureTestData.ColumnAsync(host, "320500");

        var error = await Assert.ThrowsAsync<RpcException>(() => Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, cityColumn.Id, visit, broadcast)).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, field), (error.StatusCode, Field(error)));
        Assert.Null((await Suzhou.GetExposureAsync(new GetExposureRequest { Id = problem.Id })).ReturnVisit);
    }

    [Fact]
    public async Task Only_the_office_that_owes_it_records_the_follow_up_and_only_once_the_problem_aired()
    {
        var (_, problem) = await AiredAsync();
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var unaired = await ExposureTestData.Client(host.Invoker).ProposeExposureAsync(ExposureTestData.Problem(column, "320505"));

        var county = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320505")).RecordFollowUpAsync(FollowUp(problem.Id, null)).ResponseAsync);
        var sibling = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320100")).RecordFollowUpAsync(FollowUp(problem.Id, null)).ResponseAsync);
        var notAired = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.Invoker).RecordFollowUpAsync(FollowUp(unaired.Id, null)).ResponseAsync);
        await Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, null));
        var twice = await Assert.ThrowsAsync<RpcException>(() => Suzhou.RecordFollowUpAsync(FollowUp(problem.Id, null)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, county.StatusCode);
        Assert.Equal(StatusCode.NotFound, sibling.StatusCode); // Nanjing may not even learn the problem exists
        Assert.Equal(StatusCode.FailedPrecondition, notAired.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
    }

    [Theory]
    [InlineData("2024-13-01", "2024-12-31", "from")]
    [InlineData("2024-10-01", "2024-09-01", "to")]
    [InlineData("2024-01-01", "2025-06-01", "to")]
    public async Task Statistics_refuse_a_malformed_or_reversed_range_naming_the_field(string from, string to, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.Invoker)
            .GetExposureStatisticsAsync(new GetExposureStatisticsRequest { From = from, To = to }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, field), (error.StatusCode, Field(error)));
    }

    [Fact]
    public async Task A_city_tallies_what_concerns_it_and_cannot_tally_a_sibling()
    {
        await AiredAsync();

        var own = await Suzhou.GetExposureStatisticsAsync(new GetExposureStatisticsRequest { From = "2024-09-27", To = "2024-09-27" });
        var sibling = await Assert.ThrowsAsync<RpcException>(() => Suzhou.GetExposureStatisticsAsync(new GetExposureStatisticsRequest
        {
            JurisdictionCode = "320100", From = "2024-09-27", To = "2024-09-27",
        }).ResponseAsync);

        Assert.True(own.Exposed >= 1);
        Assert.All(own.ByPlace, p => Assert.StartsWith("3205", p.JurisdictionCode));
        Assert.Equal(StatusCode.PermissionDenied, sibling.StatusCode);
    }

    private static string Field(RpcException error)
    {
        var status = error.GetRpcStatus()!;
        return status.GetDetail<Google.Rpc.BadRequest>() is { } bad ? Assert.Single(bad.FieldViolations).Field
            : Assert.Single(status.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations).Subject;
    }
}
