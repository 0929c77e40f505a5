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

    private async Task<(RestAnswer Created, RestAnswer Read)> CreateAndReadAsync(string collection, object body)
    {
        var rest = host.RestAs(Jiangsu);
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
    public async Task A_cadre_is_created_and_read_back()
    {
        var (_, read) = await CreateAndReadAsync("/v1/cadres",
            new { jurisdictionCode = Suzhou, name = "张三", homeUnit = "苏州市生态环境局", rank = "CADRE_RANK_DIVISION" });

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
