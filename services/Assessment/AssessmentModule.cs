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
        // Events (assessment.results-frozen) commit with the change that raises them.
        builder.AddEventBus().AddOutbox<AssessmentDbContext>(AppId);
        builder.AddSchemesAndMeasurements();
        builder.Services.AddScoreSheets();
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

    /// <summary>
    /// Score sheets, rankings, vetoes, duty reports and frozen results. They read schemes, measured values and facts
    /// through ISchemeSource, IMeasurementSource and IScoreFacts, which the schemes and facts parts register.
    /// </summary>
    private static IServiceCollection AddScoreSheets(this IServiceCollection services)
    {
        services.AddScoped<Ducha.Assessment.Application.Sheets.SheetReach>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.LiveResults>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.ResultsReader>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.GetScoreSheet>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.ListRankings>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.FreezeResults>();
        services.AddScoped<Ducha.Assessment.Application.Sheets.VerifyResults>();
        services.AddScoped<Ducha.Assessment.Application.Vetoes.RecordVeto>();
        services.AddScoped<Ducha.Assessment.Application.Vetoes.WithdrawVeto>();
        services.AddScoped<Ducha.Assessment.Application.Vetoes.ListVetoes>();
        services.AddScoped<Ducha.Assessment.Application.DutyReports.FileDutyReport>();
        services.AddScoped<Ducha.Assessment.Application.DutyReports.ListDutyReports>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
