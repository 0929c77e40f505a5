using Ducha.Disclosure.Application;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Grpc;
using Ducha.Disclosure.IntegrationEvents;
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
            .AddSubscription<CaseReceived, CaseReceivedHandler, DisclosureDbContext>(AppId);
        builder.Services.AddScoped<PublishBulletin>();
        builder.Services.AddScoped<CountReceivedCases>();
        builder.Services.AddScoped<PublishAnnouncement>();
        builder.Services.AddScoped<CorrectAnnouncement>();
        builder.Services.AddScoped<GetAnnouncement>();
        builder.Services.AddScoped<ListAnnouncements>();
        builder.Services.AddScoped<ReadPublicAnnouncements>();
        builder.Services.AddPublicSite(builder.Configuration);
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.disclosure.v1.Disclosure", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    public static IEndpointRouteBuilder MapDisclosureService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<DisclosureGrpcService>();
        endpoints.MapPublicSite();
        return endpoints;
    }
}
