using Ducha.Cases.Application;
using Ducha.Cases.Confidentiality;
using Ducha.Cases.Data;
using Ducha.Cases.Grpc;
using Ducha.Cases.IntegrationEvents;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Cases.Open311;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>The cases service as a unit that its own host and the standalone host both mount.</summary>
public static class CasesModule
{
    public const string AppId = "cases";

    public static IHostApplicationBuilder AddCasesService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CasesDbContext>(AppId);
        builder.AddEventBus()
            .AddOutbox<CasesDbContext>(AppId)
            // Cases' own copy of who is seconded, so a seconded cadre is refused as a handler of the home unit while the
            // secondment service is down.
            .AddSubscription<CadreSeconded, SecondmentHandler, CasesDbContext>(AppId)
            .AddSubscription<SecondmentEnded, SecondmentHandler, CasesDbContext>(AppId);
        builder.Services.AddSingleton<ReporterProtector>();
        builder.Services.AddCaseUseCases(builder.Configuration).AddDeadlineWatch();
        builder.Services.AddOpen311Authentication();
        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map("ducha.cases.v1.Cases", r => r.Tags.Contains(AppId) || r.Tags.Contains("live"));
            o.Services.Map("ducha.cases.v1.Units", r => r.Tags.Contains(AppId) || r.Tags.Contains("live"));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCasesService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        // Built now so a missing reporter key stops start-up instead of failing the first complaint.
        endpoints.ServiceProvider.GetRequiredService<ReporterProtector>();
        endpoints.MapGrpcService<CasesGrpcService>();
        endpoints.MapGrpcService<UnitsGrpcService>();
        endpoints.MapOpen311();
        return endpoints;
    }
}
