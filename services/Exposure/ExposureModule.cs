using Ducha.Exposure.Application;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;
using Ducha.Exposure.Data;
using Ducha.Exposure.Grpc;
using Ducha.Exposure.Cases;

namespace Microsoft.Extensions.Hosting;

/// <summary>The exposure service as a unit that its own host and the standalone host both mount.</summary>
public static class ExposureModule
{
    public const string AppId = "exposure";

    public static IHostApplicationBuilder AddExposureService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExposureDbContext>(AppId);
        // The schedule watch's signals commit with the record that they were raised.
        builder.AddEventBus().AddOutbox<ExposureDbContext>(AppId);
        builder.Services.AddScoped<RegisterMediaOutlet>();
        builder.Services.AddScoped<CreateColumn>();
        builder.Services.AddScoped<ProposeExposure>();
        builder.Services.AddScoped<GetExposure>();
        builder.Services.AddScoped<ScheduleProgramme>();
        builder.Services.AddScoped<GetColumnCompliance>();
        builder.Services.AddScoped<RecordAiring>();
        builder.Services.AddScoped<RecordFollowUp>();
        builder.Services.AddScoped<GetExposureStatistics>();
        builder.Services.AddScoped<ListColumns>();
        builder.Services.AddScoped<ListProgrammes>();
        builder.Services.AddScoped<ListExposures>();
        builder.Services.AddScoped<ListFollowUps>();
        builder.Services.AddSingleton<FollowUpWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FollowUpWatch>());
        builder.Services.AddSingleton<Ducha.BuildingBlocks.Time.IClockWatch>(sp => sp.GetRequiredService<FollowUpWatch>());
        builder.Services.AddServiceClient<Ducha.Contracts.Cases.V1.Cases.CasesClient>("cases", AppId);
        builder.Services.AddScoped<ICaseDesk, GrpcCaseDesk>();
        builder.Services.AddSingleton<CaseOpener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseOpener>());
        builder.Services.AddSingleton<ScheduleWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduleWatch>());
        builder.Services.AddSingleton<Ducha.BuildingBlocks.Time.IClockWatch>(sp => sp.GetRequiredService<ScheduleWatch>());
        // Accountability is recorded in the cases service: reports read it there, as the city office asking for them.
        builder.Services.AddScoped<ICaseAccountability, CaseFileAccountability>();
        builder.Services.AddScoped<CompileAccountability>();
        builder.Services.AddScoped<DraftAccountabilityReport>();
        builder.Services.AddScoped<SubmitAccountabilityReport>();
        builder.Services.AddScoped<GetAccountabilityReport>();
        builder.Services.AddScoped<DrawSpotCheck>();
        builder.Services.AddScoped<GetSpotCheck>();
        builder.Services.AddScoped<RecordSpotCheckFinding>();
        builder.Services.AddScoped<GetAccountabilityNotice>();
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.exposure.v1.Exposure", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    public static IEndpointRouteBuilder MapExposureService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<ExposureGrpcService>();
        return endpoints;
    }
}
