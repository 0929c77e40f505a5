using Ducha.Contracts.Secondment.V1;
using Microsoft.Playwright;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// 抽调 set up over gRPC for the pages to show: cadres of a Zhejiang city (宁波市 for the behaviour tests, 湖州市 for the
/// pages scanned and photographed), seconded, a case to ask supervision about, registers for a draw.
/// </summary>
public sealed class SecondmentScene(ConsoleFixture host, string city)
{
    public const string Zhejiang = "330000", Ningbo = "330200", Haishu = "330203", Jiangbei = "330205", Beilun = "330206";
    public const string Huzhou = "330500", Wuxing = "330502", Nanxun = "330503";
    public const string Wenzhou = "330300", Lucheng = "330302";

    public SecondmentClient As(string code, string role = "office") => new(host.As(code, role));

    public SecondmentClient Office => As(city);

    public string[] CityPath => [Zhejiang, city];

    /// <summary>A cadre of <paramref name="home"/> (a place of the city) from its ecology bureau, signing in as a subject of its own.</summary>
    public async Task<Cadre> CadreAsync(string name, string home, string homeName) =>
        await Office.CreateCadreAsync(new CreateCadreRequest
        {
            JurisdictionCode = home, Name = name, HomeUnit = homeName + "生态环境局", Rank = CadreRank.Section,
            Subject = "cadre-" + Guid.NewGuid().ToString("N"), Specialities = { "大气" },
        });

    public async Task<SecondmentTerm> SecondAsync(Cadre cadre, string postName, string start, string end) =>
        await Office.SecondAsync(new SecondRequest
        {
            CadreId = cadre.Id, JurisdictionCode = city, Post = PostKind.InspectionTeam, PostName = postName, StartDate = start, EndDate = end,
        });

    /// <summary>A case about a place of the city, held by the city's office.</summary>
    public async Task<string> CaseAsync(string place, string polluter)
    {
        var c = await new CasesClient(host.As(city)).CreateCaseAsync(new Ducha.Contracts.Cases.V1.CreateCaseRequest
        {
            JurisdictionCode = place, Address = "中山路 1 号", Polluter = polluter + Guid.NewGuid().ToString("N")[..6],
            PollutionType = Ducha.Contracts.Cases.V1.PollutionType.Air, Description = "夜间排放刺鼻废气",
            Channel = Ducha.Contracts.Cases.V1.Channel.Hotline12369,
            Reporter = new Ducha.Contracts.Cases.V1.Reporter { Name = "吴举报", Phone = "13900000000" },
        });
        return c.Id;
    }

    /// <summary>
    /// <paramref name="targets"/> targets of mixed risk in <paramref name="place"/>, and <paramref name="inspectors"/> enforcement
    /// staff from <paramref name="inspectorPlaces"/> — never the targets' own place, which a draw must avoid (本地回避).
    /// </summary>
    public async Task RegistersAsync(string place, string placeName, int targets, int inspectors, params (string Code, string Name)[] inspectorPlaces)
    {
        var risks = new[] { RiskClass.High, RiskClass.Medium, RiskClass.Low };
        var tag = Guid.NewGuid().ToString("N")[..4];
        for (var i = 1; i <= targets; i++)
            await Office.AddTargetAsync(new AddTargetRequest
            {
                JurisdictionCode = place, Name = $"{placeName}某企业{tag}-{i:D2}", PollutionType = i % 2 == 0 ? "水" : "大气", Risk = risks[i % 3],
            });
        for (var i = 1; i <= inspectors; i++)
        {
            var (code, name) = inspectorPlaces[i % inspectorPlaces.Length];
            await Office.AddInspectorAsync(new AddInspectorRequest
            {
                JurisdictionCode = city, Name = $"执法员{tag}-{i:D2}", Unit = name + "生态环境局", HomeJurisdictionCode = code,
            });
        }
    }

    /// <summary>A row of a table by the text in its first cell.</summary>
    public static ILocator Row(IPage page, string table, string name) => page.Locator($"table.{table} tbody tr").Filter(new() { HasText = name });
}

