using Ducha.Assessment.Application.Measurements;
using Ducha.Assessment.Application.Schemes;
using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Grpc;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>The assessment service as a unit that its own host and the standalone host both mount.</summary>
public static class AssessmentModule
{
    public const string AppId = "assessment";

    public static IHostApplicationBuilder AddAssessmentService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AssessmentDbContext>(AppId);
        // Nothing is published yet; the outbox tables and relay are in place so that later events commit with their change.
        builder.AddEventBus().AddOutbox<AssessmentDbContext>(AppId);
        builder.AddSchemesAndMeasurements();
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.assessment.v1.Assessment", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    /// <summary>Schemes (考核方案) and measured values, and the sources the score sheets read them from.</summary>
    private static void AddSchemesAndMeasurements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateScheme>();
        builder.Services.AddScoped<GetScheme>();
        builder.Services.AddScoped<ListSchemes>();
        builder.Services.AddScoped<ReviseScheme>();
        builder.Services.AddScoped<PutSchemeInForce>();
        builder.Services.AddScoped<CopyScheme>();
        builder.Services.AddScoped<RecordMeasurement>();
        builder.Services.AddScoped<ListMeasurements>();
        builder.Services.AddScoped<ISchemeSource, StoredSchemeSource>();
        builder.Services.AddScoped<IMeasurementSource, StoredMeasurementSource>();
    }

    public static IEndpointRouteBuilder MapAssessmentService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
