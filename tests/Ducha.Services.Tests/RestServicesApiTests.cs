using System.Net;
using Ducha.Testing;

namespace Ducha.Services.Tests;

/// <summary>Exposure, assessment, secondment and disclosure over REST: what one creates with JSON, the other route reads back.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class RestServicesApiTests(StandaloneFixture host)
{
    private const string Jiangsu = "320000";
    private const string Suzhou = "320500";
    private const string Zhangjiagang = "320582"; // used by no other test of this host

    private const string Qinghai = "630000"; // its schemes are put in force by no other test of this host

    private async Task<(RestAnswer Created, RestAnswer Read)> CreateAndReadAsync(string collection, object body, string caller = Jiangsu)
    {
        var rest = host.RestAs(caller);
        var created = await rest.PostAsync(collection, body);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var read = await rest.GetAsync($"{collection}/{created.Text("id")}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(created.Body.GetRawText(), read.Body.GetRawText());
        return (created, read);
    }

    [Fact]
    public async Task A_media_outlet_is_created_and_read_back()
    {
        var (_, read) = await CreateAndReadAsync("/v1/media-outlets",
            new { jurisdictionCode = Jiangsu, name = "江苏卫视", kind = "MEDIA_KIND_TV", columnName = "263在行动", weeklyQuota = 3 });

        Assert.Equal("MEDIA_KIND_TV", read.Text("kind"));
        Assert.Equal(3, read.Body.GetProperty("weeklyQuota").GetInt32());
    }

    [Fact]
    public async Task An_assessment_scheme_is_created_and_read_back_with_its_content()
    {
        var indicator = new
        {
            code = "pm25", name = "PM2.5年均浓度较2015年下降", kind = "INDICATOR_KIND_ENVIRONMENTAL_QUALITY", unit = "μg/m³", direction = "DIRECTION_LOWER_IS_BETTER",
            baselineYear = 2015, baselineValue = 60.5, targetForm = "TARGET_FORM_PERCENT_CHANGE", target = -25, points = 1,
        };
        var content = new
        {
            title = "2026年度设区市263专项行动综合考核方案",
            programmes = new[] { new { code = "air", name = "治理大气污染", leadDepartment = "省生态环境厅", partnerDepartments = new[] { "省发展改革委" }, weight = 100, indicators = new[] { indicator } } },
            deductionRules = new[] { new { kind = "DEDUCTION_KIND_LATENESS", name = "拖延时间", points = 1, cap = 10, charged = "CHARGED_PARTY_HOLDER" } },
            deductionCap = 20,
            bands = new[] { new { rating = "RATING_EXCELLENT", minTotal = 90 }, new { rating = "RATING_PASS", minTotal = 60 } },
            rankingOrder = "RANKING_ORDER_RATING_THEN_TOTAL",
        };

        var (_, read) = await CreateAndReadAsync("/v1/assessment-schemes", new { jurisdictionCode = Qinghai, year = 2026, audience = "AUDIENCE_SUBORDINATES", content }, Qinghai);
        var (_, example) = await CreateAndReadAsync("/v1/assessment-schemes", new { jurisdictionCode = Qinghai, year = 2026, audience = "AUDIENCE_DEPARTMENTS", fromExample = true }, Qinghai);

        Assert.Equal(("SCHEME_STATE_DRAFT", "AUDIENCE_SUBORDINATES", 1), (read.Text("state"), read.Text("audience"), read.Body.GetProperty("revision").GetInt32()));
        var pm25 = read.Body.GetProperty("content").GetProperty("programmes")[0].GetProperty("indicators")[0];
        Assert.Equal((60.5, -25.0, "TARGET_FORM_PERCENT_CHANGE"), (pm25.GetProperty("baselineValue").GetDouble(), pm25.GetProperty("target").GetDouble(), pm25.GetProperty("targetForm").GetString()));
        Assert.Equal("2026年度设区市263专项行动综合考核方案", read.Body.GetProperty("content").GetProperty("title").GetString());
        Assert.True(example.Body.GetProperty("content").GetProperty("example").GetBoolean());
        Assert.Equal(11, example.Body.GetProperty("content").GetProperty("programmes").GetArrayLength());

        var rest = host.RestAs(Qinghai);
        var revised = await rest.PutAsync($"/v1/assessment-schemes/{read.Text("id")}", new { content = content with { title = "第二稿" }, revision = 1 });
        var inForce = await rest.PostAsync($"/v1/assessment-schemes/{read.Text("id")}:put-in-force", new { });
        var refused = await rest.PutAsync($"/v1/assessment-schemes/{read.Text("id")}", new { content, revision = 2 });

        Assert.Equal((HttpStatusCode.OK, 2, "第二稿"), (revised.Status, revised.Body.GetProperty("revision").GetInt32(),
            revised.Body.GetProperty("content").GetProperty("title").GetString()));
        Assert.Equal("SCHEME_STATE_IN_FORCE", inForce.Text("state"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task A_cadre_is_created_and_read_back()
    {
        var (_, read) = await CreateAndReadAsync("/v1/cadres",
            new { jurisdictionCode = Suzhou, name = "张三", homeUnit = "苏州市生态环境局", rank = "CADRE_RANK_DIVISION",
                subject = $"cadre-{Guid.NewGuid():N}" });

        Assert.Equal("CADRE_RANK_DIVISION", read.Text("rank"));
        Assert.Equal("苏州市生态环境局", read.Text("homeUnit"));
    }

    [Fact]
    public async Task A_bulletin_is_drafted_and_read_back()
    {
        var rest = host.RestAs(Jiangsu);
        var drafted = await rest.PostAsync("/v1/bulletins:draft", new { jurisdictionCode = Jiangsu, periodStart = "2024-09-23", periodEnd = "2024-09-26" });
        var read = await rest.GetAsync($"/v1/bulletins/{drafted.Text("id")}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (drafted.Status, read.Status));
        Assert.Equal(drafted.Body.GetRawText(), read.Body.GetRawText());
        Assert.Equal(("BULLETIN_STATE_DRAFT", "2024-09-23"), (read.Text("state"), read.Text("periodStart")));
    }

    [Fact]
    public async Task A_case_received_over_REST_shows_in_the_received_counts_with_int64_as_a_string()
    {
        var complaint = new
        {
            jurisdictionCode = Zhangjiagang, address = "张家港市某印染厂", pollutionType = "POLLUTION_TYPE_WATER",
            description = "排污口夜间排放", channel = "CHANNEL_LETTER", polluter = $"某印染厂{Guid.NewGuid():N}",
        };
        Assert.Equal(HttpStatusCode.OK, (await host.RestAs(Zhangjiagang).PostAsync("/v1/cases", complaint)).Status);

        var counts = await Eventually.UntilAsync(
            () => host.RestAs(Suzhou).GetAsync($"/v1/received-case-counts?jurisdictionCode={Zhangjiagang}"),
            answer => answer.Body.GetProperty("counts").GetArrayLength() > 0);

        var count = Assert.Single(counts.Body.GetProperty("counts").EnumerateArray());
        Assert.Equal("1", count.GetProperty("received").GetString());
    }
}
