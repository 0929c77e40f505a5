using Ducha.Assessment.Application.Measurements;
using Ducha.Assessment.Application.Schemes;
using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Assessment.Grpc;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;
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
        var bus = builder.AddEventBus().AddOutbox<AssessmentDbContext>(AppId);
        builder.AddSchemesAndMeasurements();
        builder.Services.AddScoreSheets();
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.assessment.v1.Assessment", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));

        // --- facts: deductions and case figures from Cases' and Exposure's events ---
        bus.AddFactSubscriptions();
        builder.Services.AddScoped<Ducha.Assessment.Application.Facts.FactLedger>();
        builder.Services.AddScoped<Ducha.Assessment.Application.Sheets.IScoreFacts, Ducha.Assessment.Application.Sheets.ScoreFacts>();
        builder.Services.AddScoped<Ducha.Assessment.Application.Facts.ListDeductions>();
        builder.Services.AddScoped<Ducha.Assessment.Application.Facts.RebuildScores>();
        // --- end facts ---

        // 单列: seconded cadres' lines from Secondment, listed apart from the assessed parties.
        bus.AddSubscription<CadreEvaluated, Ducha.Assessment.IntegrationEvents.SecondedCadreHandler, AssessmentDbContext>(AppId);
        builder.Services.AddScoped<Ducha.Assessment.Application.Seconded.ListSecondedCadres>();
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

    /// <summary>
    /// The events the facts are built from, each kept in the applied-event log (applied_events) in the transaction that
    /// applies it, so the facts can be rebuilt from this database alone (RebuildScores).
    /// </summary>
    private static EventBusBuilder AddFactSubscriptions(this EventBusBuilder bus) => bus
        .AddSubscription<CaseReceived, Ducha.Assessment.IntegrationEvents.CaseIntakeHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseAssigned, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseDelivered, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReturned, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReported, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseVerified, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseSentBack, Ducha.Assessment.IntegrationEvents.CaseHandlingHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseClosed, Ducha.Assessment.IntegrationEvents.CaseOutcomeHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReopened, Ducha.Assessment.IntegrationEvents.CaseOutcomeHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseOverdue, Ducha.Assessment.IntegrationEvents.LatenessHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<FollowUpOverdue, Ducha.Assessment.IntegrationEvents.LatenessHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<BuckPassingFlagged, Ducha.Assessment.IntegrationEvents.CaseFaultHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<StopVerificationOverdue, Ducha.Assessment.IntegrationEvents.CaseFaultHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<AccountabilityRecorded, Ducha.Assessment.IntegrationEvents.CaseFaultHandler, AssessmentDbContext>(AppId, keepAppliedEvents: true)
        .PreloadRows<AssessmentDbContext, Ducha.Assessment.Domain.Facts.AssessedCase>(nameof(Ducha.Assessment.Domain.Facts.AssessedCase.CaseId), "caseId");

    public static IEndpointRouteBuilder MapAssessmentService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
