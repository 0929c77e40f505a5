using Ducha.Reference;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Casework;
using Ducha.WebConsole.Disclosure;
using Ducha.WebConsole.Components;
using Ducha.WebConsole.Components.Layout;
using Ducha.WebConsole.Data;
using Ducha.WebConsole.Exposure;
using Ducha.WebConsole.Secondment;
using Ducha.WebConsole.Inbox;
using Ducha.WebConsole.Sessions;

namespace Microsoft.Extensions.Hosting;

/// <summary>The console as a unit that its own host and the standalone host both mount, as the services are.</summary>
public static class WebConsoleModule
{
    public const string AppId = "webconsole";

    /// <summary>
    /// What a host of the console alone needs and a service host already has from <c>AddDuchaApi</c>: the reference data
    /// and identity (the development token issuer, the bearer scheme the services use).
    /// </summary>
    public static IHostApplicationBuilder AddWebConsoleHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReferenceData();
        builder.AddDuchaIdentity();
        return builder;
    }

    public static IHostApplicationBuilder AddWebConsole(this IHostApplicationBuilder builder)
    {
        // Static server-side rendering: every page is plain HTML with forms; no WebAssembly, no circuit unless a page asks.
        builder.Services.AddRazorComponents();
        // What the replicas share (sessions, the key ring, claimed forms) in the console's own database.
        builder.AddConsoleDatabase();
        builder.Services.AddConsoleSessions(builder.Environment, builder.Configuration);
        builder.Services.AddConsoleCalls();
        builder.Services.AddScoped<InboxQuery>();
        builder.Services.AddSingleton<Ducha.WebConsole.Components.Forms.FormSubmissions>();
        builder.Services.AddCasework();
        builder.Services.AddDisclosure();
        builder.Services.AddScoped<Ducha.WebConsole.CaseList.CaseListQuery>();
        builder.Services.AddScoped<Ducha.WebConsole.Overview.OverviewQuery>();
        builder.Services.AddScoped<Ducha.WebConsole.Overview.TrendQuery>();
        builder.Services.AddExposurePages();
        builder.Services.AddAssessmentPages();
        builder.Services.AddSecondmentPages();
        return builder;
    }

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        // After routing and authorization (which WebApplication puts first), before the endpoints: every form posted to
        // a page or to sign-out carries the token this middleware checks.
        app.UseAntiforgery();
        app.MapConsoleAssets();
        app.MapConsoleSignOut();
        app.MapProviderSignIn();
        app.MapRazorComponents<App>().RequireAuthorization(ConsoleSessions.Policy);
        return app;
    }
}
