using Ducha.Disclosure.Application;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Cases;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Grpc;
using Ducha.Disclosure.IntegrationEvents;
using Ducha.EventBus;
using Ducha.Disclosure.PublicSite;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>The disclosure service as a unit that its own host and the standalone host both mount.</summary>
public static class DisclosureModule
{
    public const string AppId = "disclosure";

    public static IHostApplicationBuilder AddDisclosureService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DisclosureDbContext>(AppId);
        builder.AddEventBus()
            .AddOutbox<DisclosureDbContext>(AppId)
            .AddReadModelSubscriptions()
            // Frozen assessment results are published as received: a record, not a read model a rebuild derives again.
            .AddSubscription<ResultsFrozen, AssessmentResultsHandler, DisclosureDbContext>(AppId)
            .AddSubscription<DrawMade, DrawMadeHandler, DisclosureDbContext>(AppId)
            .AddSubscription<DrawRevealed, DrawRevealedHandler, DisclosureDbContext>(AppId);
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.IBulletinSource, Ducha.Disclosure.Application.Bulletins.ReadModelBulletinSource>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.IReporterScreen, Ducha.Disclosure.Cases.GrpcReporterScreen>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.BulletinScreening>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.DraftBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.PublishBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.CorrectBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.GetBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.ListBulletins>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.SetBulletinCadence>();
        builder.Services.AddSingleton<Ducha.Disclosure.Application.Bulletins.BulletinWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Ducha.Disclosure.Application.Bulletins.BulletinWatch>());
        builder.Services.AddSingleton<Ducha.BuildingBlocks.Time.IClockWatch>(sp => sp.GetRequiredService<Ducha.Disclosure.Application.Bulletins.BulletinWatch>());
        builder.Services.AddScoped<CountReceivedCases>();
        builder.Services.AddScoped<DisclosedCaseRows>();
        builder.Services.AddScoped<CaseFactsLedger>();
        builder.Services.AddScoped<GetCaseSummary>();
        builder.Services.AddScoped<ListDisclosedCases>();
        builder.Services.AddScoped<MarkTypicalCase>();
        builder.Services.AddScoped<RebuildReadModels>();
        // What events do not carry is asked of cases, as the disclosure service itself (GrpcCaseFactsSource).
        builder.Services.AddServiceClient<DisclosureCasesClient>("cases", AppId);
        builder.Services.AddScoped<ICaseFactsSource, GrpcCaseFactsSource>();
        builder.Services.AddSingleton<CaseFactsFetcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseFactsFetcher>());
        builder.Services.AddScoped<PublishAnnouncement>();
        builder.Services.AddScoped<CorrectAnnouncement>();
        builder.Services.AddScoped<GetAnnouncement>();
        builder.Services.AddScoped<ListAnnouncements>();
        builder.Services.AddScoped<ReadPublicAnnouncements>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.ReadPublicBulletins>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.AssessmentResults.ReadPublicAssessmentResults>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Draws.ReadPublicDraw>();
        builder.Services.AddPublicSite(builder.Configuration);
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.disclosure.v1.Disclosure", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    /// <summary>
    /// The events the read models are built from, each kept in the applied-event log (applied_events) in the transaction
    /// that applies it, so the read models can be rebuilt from this database alone (<see cref="RebuildReadModels"/>).
    /// </summary>
    private static EventBusBuilder AddReadModelSubscriptions(this EventBusBuilder bus) => bus
        .AddSubscription<CaseReceived, CaseIntakeHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseAssigned, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseDelivered, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReturned, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReported, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseVerified, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseSentBack, CaseHandlingHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseOverdue, CaseOutcomeHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseClosed, CaseOutcomeHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<CaseReopened, CaseOutcomeHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<AccountabilityRecorded, CaseOutcomeHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<ProblemExposed, ExposureProblemHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<FollowUpOverdue, ExposureProblemHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .AddSubscription<FollowUpRecorded, ExposureProblemHandler, DisclosureDbContext>(AppId, keepAppliedEvents: true)
        .PreloadRows<DisclosureDbContext, Ducha.Disclosure.Domain.DisclosedCase>(nameof(Ducha.Disclosure.Domain.DisclosedCase.CaseId), "caseId");

    public static IEndpointRouteBuilder MapDisclosureService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<DisclosureGrpcService>();
        endpoints.MapPublicSite();
        return endpoints;
    }
}
