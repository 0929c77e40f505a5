using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ducha.Reference.Calendar;
using static Ducha.Benchmarks.RestCalls;

namespace Ducha.Benchmarks;

/// <summary>
/// A county bulletin to read, made the way an office makes one: complaints filed and handled through the REST API down
/// to the handling unit's verified report, two people held accountable, then the county's draft published. The period
/// runs from today for five days, so cases delivered on the next working morning are in it.
/// </summary>
internal static class PublicBulletinSetup
{
    private const string Province = "320000", City = "320500", County = "320505", Unit = "虎丘区生态环境局";

    /// <returns>The bulletin's public path and how many cases its table has.</returns>
    public static async Task<(string Path, int Cases)> PublishAsync(HttpClient http, int cases)
    {
        var (province, city, county) = (await TokenAsync(http, Province), await TokenAsync(http, City), await TokenAsync(http, County));
        var unit = await TokenAsync(http, County, $"role=handler&unit={Uri.EscapeDataString(Unit)}");
        for (var i = 1; i <= cases; i++)
        {
            var id = (await PostAsync(http, province, "/v1/cases", new
            {
                jurisdictionCode = County, address = $"浒墅关镇某工业园{i}号", polluter = $"苏州某化工有限公司{i}", pollutionType = "POLLUTION_TYPE_WATER",
                description = "企业夜间通过暗管向河道排放生产废水", channel = "CHANNEL_INSPECTION_TEAM",
            })).GetProperty("id").GetString();
            await PostAsync(http, province, $"/v1/cases/{id}:assignDown", new { toJurisdictionCode = City, workingDays = 10 });
            await PostAsync(http, city, $"/v1/cases/{id}:assignDown", new { toJurisdictionCode = County, workingDays = 9 });
            await PostAsync(http, county, $"/v1/cases/{id}:assignDown", new { handlingUnit = Unit, workingDays = 8 });
            await PostAsync(http, unit, $"/v1/cases/{id}:reportHandling", new
            {
                findings = "经现场核查，该企业雨水排口夜间排放生产废水属实。", result = "责令立即封堵暗管，处罚款二十万元。", rectifiedNow = true,
            });
            foreach (var office in new[] { county, city, province }) await PostAsync(http, office, $"/v1/cases/{id}:verifyReport", new { accept = true });
            if (i == 1)
                await PostAsync(http, province, $"/v1/cases/{id}:recordAccountability", new
                {
                    people = new object[]
                    {
                        new { name = "赵某", position = "副局长", rank = "CADRE_RANK_DIVISION", sanction = "SANCTION_CRITICISM" },
                        new { name = "孙某", position = "科长", rank = "CADRE_RANK_SECTION", sanction = "SANCTION_ADMONITION" },
                    },
                });
        }
        var today = BeijingTime.DateOf(DateTimeOffset.UtcNow);
        var (from, to) = (Wire(today), Wire(today.AddDays(4)));
        // Disclosure takes the events in and asks cases for each case's findings; draft once it has them all.
        for (var waited = 0; waited < 120; waited++)
        {
            var s = await GetAsync(http, county, $"/v1/jurisdictions/{County}/case-summary?from={from}&to={to}");
            if (s.GetProperty("transferred").GetInt32() >= cases && s.GetProperty("factsPending").GetInt32() == 0) break;
            await Task.Delay(500);
        }
        var draft = await PostAsync(http, county, "/v1/bulletins:draft", new { jurisdictionCode = County, periodStart = from, periodEnd = to });
        var bulletinId = draft.GetProperty("id").GetString();
        if (draft.GetProperty("state").GetString() != "BULLETIN_STATE_PUBLISHED") await PostAsync(http, county, $"/v1/bulletins/{bulletinId}:publish", new { });
        return ($"/public/bulletins/{bulletinId}", draft.GetProperty("cases").GetArrayLength());
    }

    private static string Wire(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
