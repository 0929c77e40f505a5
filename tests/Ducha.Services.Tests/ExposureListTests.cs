using Ducha.Contracts.Exposure.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// The lists behind the console's exposure pages: a jurisdiction's columns, a column's week and its problems by stage,
/// and the follow-ups an office owes — each paged, and each kept from a sibling as GetColumn and GetExposure are.
/// Changzhou (320400) and its districts, which no other exposure test uses, so what is listed is this file's own.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureListTests(StandaloneFixture host)
{
    private const string Changzhou = "320400", Xinbei = "320411", Wujin = "320412";

    private static Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Client(CallInvoker invoker) => ExposureTestData.Client(invoker);

    private static DateTimeOffset Beijing(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_city_pages_through_its_columns_with_their_outlets_and_a_sibling_or_a_county_below_is_refused()
    {
        var tv = await ExposureTestData.ColumnAsync(host, Changzhou);
        var paper = await ExposureTestData.ColumnAsync(host, Changzhou, MediaKind.Newspaper);
        var city = Client(host.As(Changzhou));

        var seen = new List<Column>();
        var outlets = new Dictionary<string, MediaOutlet>();
        var request = new ListColumnsRequest { PageSize = 1 };
        do
        {
            var page = await city.ListColumnsAsync(request);
            Assert.True(page.Columns.Count <= 1);
            seen.AddRange(page.Columns);
            foreach (var outlet in page.MediaOutlets) outlets[outlet.Id] = outlet;
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        var fromProvince = await Client(host.Invoker).ListColumnsAsync(new ListColumnsRequest { JurisdictionCode = Changzhou, PageSize = 200 });
        var sibling = await Assert.ThrowsAsync<RpcException>(() => Client(host.As("320100")).ListColumnsAsync(new ListColumnsRequest { JurisdictionCode = Changzhou }).ResponseAsync);
        var below = await Assert.ThrowsAsync<RpcException>(() => Client(host.As(Xinbei)).ListColumnsAsync(new ListColumnsRequest { JurisdictionCode = Changzhou }).ResponseAsync);

        Assert.Equal(seen.Count, seen.Select(c => c.Id).Distinct().Count());
        Assert.All(seen, c => Assert.Equal(Changzhou, c.JurisdictionCode));
        var ids = seen.Select(c => c.Id).ToList();
        Assert.True(ids.IndexOf(tv.Id) is >= 0 and var at && at < ids.IndexOf(paper.Id), "in the order they were opened");
        Assert.Equal((RhythmPeriod.Week, 3), (seen.Single(c => c.Id == tv.Id).Period, seen.Single(c => c.Id == tv.Id).Minimum));
        Assert.Equal(MediaKind.Newspaper, outlets[paper.MediaOutletId].Kind);
        Assert.Contains(fromProvince.Columns, c => c.Id == tv.Id);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (sibling.StatusCode, below.StatusCode));
    }

    [Fact]
    public async Task A_columns_week_lists_its_programmes_with_their_problems_and_its_problems_by_stage()
    {
        var column = await ExposureTestData.ColumnAsync(host, Changzhou);
        var city = Client(host.As(Changzhou));
        var aired = await city.ProposeExposureAsync(ExposureTestData.Problem(column, Xinbei));
        var planned = await city.ProposeExposureAsync(ExposureTestData.Problem(column, Xinbei));
        var waiting = await city.ProposeExposureAsync(ExposureTestData.Problem(column, Xinbei));
        await ExposureTestData.AirAsync(host.As(Changzhou), column, "2024-09-23", Beijing(9, 23, 19), aired);
        await city.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-09-27", ExposureIds = { planned.Id } });

        var week = await city.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29" });
        var firstDay = await city.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29", PageSize = 1 });
        var rest = await city.ListProgrammesAsync(new ListProgrammesRequest
        {
            ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29", PageSize = 1, PageToken = firstDay.NextPageToken,
        });
        async Task<List<string>> Stage(ExposureStage stage) =>
            [.. (await city.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, Stage = stage })).Exposures.Select(p => p.Id)];

        Assert.Equal(["2024-09-23", "2024-09-27"], week.Programmes.Select(p => p.AirDate));
        Assert.NotNull(week.Programmes[0].AiredAt);
        Assert.Null(week.Programmes[1].AiredAt);
        Assert.Equal(new[] { aired.Id, planned.Id }.Order(StringComparer.Ordinal), week.Exposures.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal((Xinbei, FollowUpState.Pending), (week.Exposures.Single(p => p.Id == aired.Id).FollowUpJurisdictionCode,
            week.Exposures.Single(p => p.Id == aired.Id).FollowUpState));
        Assert.Equal(["2024-09-23"], firstDay.Programmes.Select(p => p.AirDate));
        Assert.Equal(["2024-09-27"], rest.Programmes.Select(p => p.AirDate));
        Assert.Equal("", rest.NextPageToken);
        Assert.Equal([waiting.Id], await Stage(ExposureStage.Proposed));
        Assert.Equal([planned.Id], await Stage(ExposureStage.Scheduled));
        Assert.Equal([aired.Id], await Stage(ExposureStage.Aired));
        Assert.Equal([waiting.Id, planned.Id, aired.Id], await Stage(ExposureStage.Unspecified)); // newest first
    }

    [Fact]
    public async Task A_columns_lists_are_kept_from_a_sibling_and_from_the_places_below_and_bad_ranges_and_tokens_are_refused_by_name()
    {
        var column = await ExposureTestData.ColumnAsync(host, Changzhou);
        var problem = await Client(host.As(Changzhou)).ProposeExposureAsync(ExposureTestData.Problem(column, Xinbei));
        await ExposureTestData.AirAsync(host.As(Changzhou), column, "2024-09-23", Beijing(9, 23, 19), problem);
        var week = new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29" };

        async Task<StatusCode> Refused(CallInvoker caller, Func<Ducha.Contracts.Exposure.V1.Exposure.ExposureClient, Task> call) =>
            (await Assert.ThrowsAsync<RpcException>(() => call(Client(caller)))).StatusCode;
        async Task<string> Field(Func<Ducha.Contracts.Exposure.V1.Exposure.ExposureClient, Task> call)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call(Client(host.As(Changzhou))));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            return Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field;
        }

        Assert.Equal(StatusCode.PermissionDenied, await Refused(host.As("320100"), c => c.ListProgrammesAsync(week).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await Refused(host.As("320100"), c => c.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id }).ResponseAsync));
        // The county learns of the aired problem through its follow-ups, not by reading the city's column.
        Assert.Equal(StatusCode.PermissionDenied, await Refused(host.As(Xinbei), c => c.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id }).ResponseAsync));
        Assert.Contains(problem.Id, (await Client(host.As(Xinbei)).ListFollowUpsAsync(new ListFollowUpsRequest())).Exposures.Select(p => p.Id));
        Assert.Equal(StatusCode.NotFound, await Refused(host.As(Changzhou), c => c.ListProgrammesAsync(new ListProgrammesRequest
        {
            ColumnId = Guid.NewGuid().ToString(), From = "2024-09-23", To = "2024-09-29",
        }).ResponseAsync));
        Assert.Equal("to", await Field(c => c.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-29", To = "2024-09-23" }).ResponseAsync));
        Assert.Equal("to", await Field(c => c.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-01-01", To = "2025-06-01" }).ResponseAsync));
        Assert.Equal("from", await Field(c => c.ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-9-23", To = "2024-09-29" }).ResponseAsync));
        Assert.Equal("page_size", await Field(c => c.ListColumnsAsync(new ListColumnsRequest { PageSize = 201 }).ResponseAsync));
        Assert.Equal("page_token", await Field(c => c.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, PageToken = "not-a-token" }).ResponseAsync));
        Assert.Equal("stage", await Field(c => c.ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, Stage = (ExposureStage)9 }).ResponseAsync));
        // A token of one list is no token of another.
        var columns = await Client(host.As(Changzhou)).ListColumnsAsync(new ListColumnsRequest { PageSize = 1 });
        Assert.NotEqual("", columns.NextPageToken);
        Assert.Equal("page_token", await Field(c => c.ListFollowUpsAsync(new ListFollowUpsRequest { PageToken = columns.NextPageToken }).ResponseAsync));
    }

    [Fact]
    public async Task The_owing_office_lists_its_open_follow_ups_nearest_deadline_first_and_its_completed_ones_apart()
    {
        var province = await ExposureTestData.ColumnAsync(host, "320000");
        var cityColumn = await ExposureTestData.ColumnAsync(host, Changzhou);
        var client = Client(host.Invoker);
        var overdue = await client.ProposeExposureAsync(ExposureTestData.Problem(province, Wujin));
        var monday = await client.ProposeExposureAsync(ExposureTestData.Problem(province, Wujin));
        var today = await client.ProposeExposureAsync(ExposureTestData.Problem(province, "320402"));
        // Aired after the Mid-Autumn holiday's make-up Saturday: due Monday 23 September, overdue by this Friday.
        await ExposureTestData.AirAsync(host.Invoker, province, "2024-09-13", Beijing(9, 13, 20), overdue);
        await ExposureTestData.AirAsync(host.Invoker, province, "2024-09-27", Beijing(9, 27, 9), today);
        await ExposureTestData.AirAsync(host.Invoker, province, "2024-09-23", Beijing(9, 23, 20), monday);
        var city = Client(host.As(Changzhou));
        List<string> Ours(ExposurePage page) => [.. page.Exposures.Select(p => p.Id).Where(id => id == overdue.Id || id == monday.Id || id == today.Id)];

        var open = await city.ListFollowUpsAsync(new ListFollowUpsRequest());
        var first = await city.ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 1 });
        var second = await city.ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 1, PageToken = first.NextPageToken });
        await city.RecordFollowUpAsync(new RecordFollowUpRequest
        {
            Id = monday.Id,
            ReturnVisit = new ReturnVisit { Date = "2024-09-26", Findings = "已停产整改", RectificationState = RectificationState.Rectifying },
            Broadcast = new FollowUpBroadcast { ColumnId = cityColumn.Id, AirDate = "2024-09-27" },
        });
        var stillOpen = await city.ListFollowUpsAsync(new ListFollowUpsRequest());
        var completed = await city.ListFollowUpsAsync(new ListFollowUpsRequest { Completed = true });
        var sibling = await Client(host.As("320100")).ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 200 });
        var county = await Client(host.As(Wujin)).ListFollowUpsAsync(new ListFollowUpsRequest { PageSize = 200 });
        var handler = await Assert.ThrowsAsync<RpcException>(() => Client(host.As(Changzhou, "handler", "常州市生态环境局")).ListFollowUpsAsync(new ListFollowUpsRequest()).ResponseAsync);

        Assert.Equal([overdue.Id, monday.Id, today.Id], Ours(open));
        Assert.Equal(("2024-09-23", FollowUpState.Overdue), (open.Exposures[0].FollowUpDeadline, open.Exposures[0].FollowUpState));
        Assert.Equal(("2024-10-10", FollowUpState.Pending), (open.Exposures.Single(p => p.Id == today.Id).FollowUpDeadline, open.Exposures.Single(p => p.Id == today.Id).FollowUpState));
        Assert.Equal([overdue.Id], first.Exposures.Select(p => p.Id));
        Assert.Equal([monday.Id], second.Exposures.Select(p => p.Id));
        Assert.Equal([overdue.Id, today.Id], Ours(stillOpen));
        var done = Assert.Single(completed.Exposures, p => p.Id == monday.Id);
        Assert.Equal((FollowUpState.OnTime, "已停产整改"), (done.FollowUpState, done.ReturnVisit.Findings));
        Assert.Empty(Ours(sibling));
        Assert.Empty(Ours(county)); // the city owes a province airing's follow-up, not the county
        Assert.Equal(StatusCode.PermissionDenied, handler.StatusCode);
    }
}
