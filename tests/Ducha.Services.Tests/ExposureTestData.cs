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

    /// <summary>Schedules <paramref name="problems"/> on <paramref name="airDate"/> and records the airing at <paramref name="airedAt"/>.</summary>
    public static async Task<Programme> AirAsync(CallInvoker office, Column column, string airDate, DateTimeOffset airedAt, params ExposureProblem[] problems)
    {
        var client = Client(office);
        var programme = await client.ScheduleProgrammeAsync(new ScheduleProgrammeRequest { ColumnId = column.Id, AirDate = airDate, ExposureIds = { problems.Select(p => p.Id) } });
        return await client.RecordAiringAsync(new RecordAiringRequest { Id = programme.Id, AiredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(airedAt) });
    }

    /// <summary>The problem once Cases has opened its case (the opener runs in the background after the airing).</summary>
    public static async Task<ExposureProblem> WithCaseAsync(StandaloneFixture host, CallInvoker office, string exposureId, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var problem = await Client(office).GetExposureAsync(new GetExposureRequest { Id = exposureId });
            if (problem.CaseId.Length > 0) return problem;
            if (DateTime.UtcNow > until)
            {
                var opening = await host.QueryAsync<Ducha.Exposure.Data.ExposureDbContext, string?>(db =>
                    db.CaseOpenings.Where(o => o.ExposureId == exposureId).Select(o => $"{o.Attempts} attempts, last error: {o.LastError}"));
                throw new TimeoutException($"exposure {exposureId} got no case within the patience: {string.Join("", opening)}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Makes <paramref name="exposureId"/> a problem that aired at <paramref name="airedAt"/> and whose case in Cases is
    /// <paramref name="caseId"/>, written straight into the exposure database: for a host whose Cases cannot be reached,
    /// where a real airing could never get its case opened. Everywhere else, air through <see cref="AirAsync(CallInvoker, Column, string, DateTimeOffset, ExposureProblem[])"/>.
    /// </summary>
    public static async Task MarkAiredWithCaseAsync(IServiceProvider services, string exposureId, string caseId, DateTimeOffset airedAt)
    {
        await using var scope = services.CreateAsyncScope();
        var updated = await scope.ServiceProvider.GetRequiredService<ExposureDbContext>().Exposures.Where(p => p.Id == exposureId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AiredAt, (DateTimeOffset?)airedAt).SetProperty(p => p.CaseId, caseId));
        Assert.Equal(1, updated);
    }
}
