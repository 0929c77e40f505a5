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

    /// <summary>A problem the city aired this morning (Friday 27 September), so Shushan owes its follow-up by Thursday 10 October.</summary>
    public async Task<ExposureProblem> AiredAsync(Column column, string polluter)
    {
        var problem = await ProposeAsync(column, polluter);
        var city = As(column.JurisdictionCode);
        var programme = await city.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = "2024-09-27", ExposureIds = { problem.Id } });
        await city.RecordAiringAsync(new RecordAiringRequest
        {
            Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 9, 27, 9, 30, 0, TimeSpan.FromHours(8))),
        });
        return problem;
    }

    public async Task<List<ExposureProblem>> ProblemsAsync(Column column, ExposureStage stage = ExposureStage.Unspecified) =>
        [.. (await As(column.JurisdictionCode).ListExposuresAsync(new ListExposuresRequest { ColumnId = column.Id, Stage = stage, PageSize = 200 })).Exposures];

    public async Task<ProgrammePage> WeekAsync(Column column) =>
        await As(column.JurisdictionCode).ListProgrammesAsync(new ListProgrammesRequest { ColumnId = column.Id, From = "2024-09-23", To = "2024-09-29" });

    public static string WeekPath(Column column) => $"/exposure/columns/{column.Id}?week=2024-09-23";

    public static string Unique(string name) => $"{name}{Guid.NewGuid().ToString("N")[..6]}";
}
