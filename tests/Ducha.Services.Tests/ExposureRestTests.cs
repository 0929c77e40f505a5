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
}
