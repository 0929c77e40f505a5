using Ducha.Disclosure.Application;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Grpc;
using Ducha.Disclosure.IntegrationEvents;
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
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.BulletinScreening>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.DraftBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.PublishBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.CorrectBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.GetBulletin>();
        builder.Services.AddScoped<Ducha.Disclosure.Application.Bulletins.SetBulletinCadence>();
        builder.Services.AddSingleton<Ducha.Disclosure.Application.Bulletins.BulletinWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Ducha.Disclosure.Application.Bulletins.BulletinWatch>());
        builder.Services.AddScoped<CountReceivedCases>();
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("ducha.disclosure.v1.Disclosure", r => r.Tags.Contains(AppId) || r.Tags.Contains("live")));
        return builder;
    }

    public static IEndpointRouteBuilder MapDisclosureService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEventBus();
        endpoints.MapGrpcService<DisclosureGrpcService>();
        return endpoints;
    }
}
