using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>Outlets, columns and problems for the exposure tests, each test creating its own so none shares a schedule.</summary>
internal static class ExposureTestData
{
    public static Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Client(CallInvoker invoker) => new(invoker);

    public static async Task<Column> ColumnAsync(StandaloneFixture host, string jurisdictionCode, MediaKind kind = MediaKind.Tv,
        Action<CreateColumnRequest>? change = null)
    {
        // The province reaches every outlet; the column itself is the jurisdiction's own office's to open.
        var outlet = await Client(host.Invoker).CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = jurisdictionCode, Name = $"{jurisdictionCode} 电视台", Kind = kind, WeeklyQuota = 3,
        });
        var request = new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" };
        change?.Invoke(request);
        return await Client(host.As(jurisdictionCode)).CreateColumnAsync(request);
    }

    public static ProposeExposureRequest Problem(Column column, string place) => new()
    {
        ColumnId = column.Id,
        PlaceJurisdictionCode = place,
        Address = "某镇某路88号",
        Polluter = "某化工有限公司",
        PollutionType = PollutionType.Water,
        Description = "雨水管道偷排生产废水",
        Reasons = { SelectionReason.ManyComplaints, SelectionReason.UndercoverVisit },
        Materials = { new Material { Name = "暗访视频.mp4", MediaType = "video/mp4", SizeBytes = 52_428_800 } },
        ResponsibleUnit = "虎丘区生态环境局", // kept only by a county column, which needs it
    };

    /// <summary>
    /// Makes <paramref name="exposureId"/> a problem that aired at <paramref name="airedAt"/> and whose case in Cases is
    /// <paramref name="caseId"/>, as recording its programme's airing does. The airing is not on this branch yet, so the
    /// row is written straight into the exposure database; once it is, this becomes a call to the airing RPC.
    /// </summary>
    public static async Task AirAsync(IServiceProvider services, string exposureId, string caseId, DateTimeOffset airedAt)
    {
        await using var scope = services.CreateAsyncScope();
        var updated = await scope.ServiceProvider.GetRequiredService<ExposureDbContext>().Exposures.Where(p => p.Id == exposureId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AiredAt, (DateTimeOffset?)airedAt).SetProperty(p => p.CaseId, caseId));
        Assert.Equal(1, updated);
    }
}
