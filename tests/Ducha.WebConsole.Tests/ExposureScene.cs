using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// What the 曝光 pages need that the console offers no page for — outlets and their columns — set up over gRPC, in Anhui,
/// where no other console test goes: Hefei (a city) and its district Shushan, whose office owes the city's follow-ups.
/// </summary>
public sealed class ExposureScene(ConsoleFixture host)
{
    public const string Anhui = "340000", Hefei = "340100", Shushan = "340104";
    public static readonly string[] CityPath = [Anhui, Hefei], CountyPath = [Anhui, Hefei, Shushan];

    private ExposureClient As(string code) => new(host.As(code));

    /// <summary>A TV column of <paramref name="code"/>'s own, on an outlet of its own: Monday to Friday, 3 a week, carrying follow-ups.</summary>
    public async Task<Column> ColumnAsync(string code, string name)
    {
        var outlet = await As(Anhui).CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = code, Name = code == Hefei ? "合肥电视台" : "蜀山区融媒体中心", Kind = MediaKind.Tv, WeeklyQuota = 3,
        });
        return await As(code).CreateColumnAsync(new CreateColumnRequest { MediaOutletId = outlet.Id, Name = name });
    }

    public Task<ExposureProblem> ProposeAsync(Column column, string polluter) =>
        As(column.JurisdictionCode).ProposeExposureAsync(new ProposeExposureRequest
        {
            ColumnId = column.Id, PlaceJurisdictionCode = Shushan, Address = "井岗镇某工业园 8 号", Polluter = polluter, PollutionType = PollutionType.Water,
            Description = "雨水管道偷排生产废水", Reasons = { SelectionReason.UndercoverVisit },
        }).ResponseAsync;

    /// <summary>
    /// A problem the city aired at 09:30 on <paramref name="day"/> — by default this morning, Friday 27 September, so Shushan
    /// owes its follow-up by Thursday 10 October; on Friday 13 September it was due on Monday 23 September, and is overdue.
    /// </summary>
    public async Task<ExposureProblem> AiredAsync(Column column, string polluter, int day = 27)
    {
        var problem = await ProposeAsync(column, polluter);
        var city = As(column.JurisdictionCode);
        var programme = await city.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = $"2024-09-{day:00}", ExposureIds = { problem.Id } });
        await city.RecordAiringAsync(new RecordAiringRequest
        {
            Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 9, day, 9, 30, 0, TimeSpan.FromHours(8))),
        });
        return problem;
    }

    public async Task<List<ExposureProblem>> ProblemsAsync(Column column, ExposureStage stage = ExposureStage.Unspecified) =>
        [.. (await As(column.JurisdictionCode).ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, Stage = stage, PageSize = 200 })).Exposures];

    public async Task<ProgrammePage> WeekAsync(Column column) =>
        await As(column.JurisdictionCode).ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29" });

    public static string WeekPath(Column column) => $"/exposure/columns/{column.Id}?week=2024-09-23";

    /// <summary>
    /// Opens one of the 曝光 pages with something on it: the city's columns or a week with a programme aired and one
    /// planned (as its office), 待回访 or a follow-up with its form (as the district's office).
    /// </summary>
    public static async Task OpenAsync(ConsoleFixture host, Microsoft.Playwright.IPage page, string which)
    {
        var scene = new ExposureScene(host);
        var city = await scene.ColumnAsync(Hefei, Unique("合肥曝光台"));
        await scene.ColumnAsync(Shushan, Unique("蜀山聚焦"));
        var aired = await scene.AiredAsync(city, Unique("蜀山某化工厂"), day: 23);
        var planned = await scene.ProposeAsync(city, Unique("蜀山某印染厂"));
        await new ExposureClient(host.As(Hefei)).ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = city.Id, AirDate = "2024-09-27", ExposureIds = { planned.Id } });
        await scene.ProposeAsync(city, Unique("蜀山某电镀厂"));
        if (which is "exposure" or "exposure-week")
        {
            await page.SignInAsync(CityPath, "无障碍检查");
            await page.GotoAsync(which == "exposure" ? "/exposure" : WeekPath(city));
        }
        else
        {
            await page.SignInAsync(CountyPath, "无障碍检查");
            await page.GotoAsync(which == "follow-ups" ? "/exposure/follow-ups" : $"/exposure/follow-ups/{aired.Id}");
        }
    }

    public static string Unique(string name) => $"{name}{Guid.NewGuid().ToString("N")[..6]}";
}
