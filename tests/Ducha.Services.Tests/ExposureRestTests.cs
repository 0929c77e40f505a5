using System.Net;

namespace Ducha.Services.Tests;

/// <summary>The exposure schedule as an integrator scripts it: JSON over the REST routes, dates as yyyy-MM-dd.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureRestTests(StandaloneFixture host)
{
    private const string Jiangsu = "320000";
    private static readonly string[] ManyComplaints = ["SELECTION_REASON_MANY_COMPLAINTS"];
    private static readonly string[] AnyProblem = ["x"];

    [Fact]
    public async Task A_column_a_problem_and_a_programme_are_created_and_the_week_shows_against_its_minimum()
    {
        var rest = host.RestAs(Jiangsu);
        var outlet = await rest.PostAsync("/v1/media-outlets", new { jurisdictionCode = Jiangsu, name = "江苏卫视", kind = "MEDIA_KIND_TV", weeklyQuota = 3 });
        var column = await rest.PostAsync("/v1/columns", new { mediaOutletId = outlet.Text("id"), name = "263在行动" });
        var problem = await rest.PostAsync("/v1/exposures", new
        {
            columnId = column.Text("id"), placeJurisdictionCode = "320505", address = "某路1号", polluter = "某化工有限公司",
            pollutionType = "POLLUTION_TYPE_AIR", description = "夜间偷排废气", reasons = ManyComplaints,
            materials = new[] { new { name = "暗访视频.mp4", mediaType = "video/mp4", sizeBytes = "2048" } },
        });
        var programme = await rest.PostAsync("/v1/programmes", new { columnId = column.Text("id"), airDate = "2024-10-09", exposureIds = new[] { problem.Text("id") } });
        var readColumn = await rest.GetAsync($"/v1/columns/{column.Text("id")}");
        var readProblem = await rest.GetAsync($"/v1/exposures/{problem.Text("id")}");
        var compliance = await rest.GetAsync($"/v1/columns/{column.Text("id")}/compliance?from=2024-10-07&to=2024-10-13");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { column.Status, problem.Status, programme.Status, readColumn.Status, readProblem.Status, compliance.Status });
        Assert.Equal(column.Body.GetRawText(), readColumn.Body.GetRawText());
        Assert.Equal("2024-10-09", programme.Text("airDate"));
        var week = Assert.Single(compliance.Body.GetProperty("periods").EnumerateArray());
        Assert.Equal(("2024-10-07", 1, true), (week.GetProperty("startDate").GetString(), week.GetProperty("planned").GetInt32(), week.GetProperty("short").GetBoolean()));
    }

    [Fact]
    public async Task A_date_the_column_does_not_air_on_answers_400_naming_air_date()
    {
        var rest = host.RestAs(Jiangsu);
        var outlet = await rest.PostAsync("/v1/media-outlets", new { jurisdictionCode = Jiangsu, name = "江苏卫视", kind = "MEDIA_KIND_TV", weeklyQuota = 3 });
        var column = await rest.PostAsync("/v1/columns", new { mediaOutletId = outlet.Text("id"), name = "263在行动" });

        var refused = await rest.PostAsync("/v1/programmes", new { columnId = column.Text("id"), airDate = "2024-10-08", exposureIds = AnyProblem });
        var unknown = await rest.PostAsync("/v1/programmes", new { columnId = "no-such-column", airDate = "2024-10-09", exposureIds = AnyProblem });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (refused.Status, unknown.Status));
        Assert.Equal(["column_id"], unknown.ViolatedFields());
    }

    [Fact]
    public async Task An_airing_over_rest_gives_the_problem_its_case_and_deadline_and_the_city_records_its_follow_up()
    {
        var rest = host.RestAs(Jiangsu);
        var outlet = await rest.PostAsync("/v1/media-outlets", new { jurisdictionCode = Jiangsu, name = "江苏卫视", kind = "MEDIA_KIND_TV", weeklyQuota = 3 });
        var column = await rest.PostAsync("/v1/columns", new { mediaOutletId = outlet.Text("id"), name = "263在行动" });
        var problem = await rest.PostAsync("/v1/exposures", new
        {
            columnId = column.Text("id"), placeJurisdictionCode = "320505", address = "某路2号", polluter = UniqueName.Of("某印染有限公司", 16),
            pollutionType = "POLLUTION_TYPE_WATER", description = "偷排印染废水", reasons = ManyComplaints,
        });
        var programme = await rest.PostAsync("/v1/programmes", new { columnId = column.Text("id"), airDate = "2024-09-27", exposureIds = new[] { problem.Text("id") } });

        var future = await rest.PostAsync($"/v1/programmes/{programme.Text("id")}:air", new { airedAt = "2024-09-27T23:30:00+08:00" });
        var aired = await rest.PostAsync($"/v1/programmes/{programme.Text("id")}:air", new { airedAt = "2024-09-27T09:30:00+08:00" });
        await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Text("id"));
        var city = host.RestAs("320500");
        var read = await city.GetAsync($"/v1/exposures/{problem.Text("id")}");
        var cityColumn = await city.PostAsync("/v1/columns", new
        {
            mediaOutletId = (await rest.PostAsync("/v1/media-outlets", new { jurisdictionCode = "320500", name = "苏州电视台", kind = "MEDIA_KIND_TV", weeklyQuota = 3 })).Text("id"),
            name = "263在行动",
        });
        var followUp = await city.PostAsync($"/v1/exposures/{problem.Text("id")}/follow-up", new
        {
            returnVisit = new { date = "2024-09-27", findings = "已停产整改", rectificationState = "RECTIFICATION_STATE_RECTIFIED" },
            broadcast = new { columnId = cityColumn.Text("id"), airDate = "2024-09-27" },
        });
        var statistics = await city.GetAsync("/v1/exposure-statistics?from=2024-09-27&to=2024-09-27");

        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Equal(["aired_at"], future.ViolatedFields());
        Assert.Equal((HttpStatusCode.OK, "rest-office-320000"), (aired.Status, aired.Text("airedBy")));
        Assert.Equal((HttpStatusCode.OK, "2024-10-10", "320500"), (read.Status, read.Text("followUpDeadline"), read.Text("followUpJurisdictionCode")));
        Assert.Equal(36, read.Text("caseId")!.Length);
        Assert.Equal((HttpStatusCode.OK, "FOLLOW_UP_STATE_ON_TIME"), (followUp.Status, followUp.Text("followUpState")));
        Assert.Equal(HttpStatusCode.OK, statistics.Status);
        Assert.Contains(statistics.Body.GetProperty("followUps").EnumerateArray(), t => t.GetProperty("jurisdictionCode").GetString() == "320500");
    }
}
