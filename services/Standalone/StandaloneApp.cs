namespace Ducha.Standalone;

/// <summary>All five services and the console in one process on one port: the embedded default a newcomer runs first.</summary>
public static class StandaloneApp
{
    private const string EnvironmentArgument = "--environment=";

    /// <param name="configure">Runs first, so tests can put their own services (a clock) in place.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The embedded default is a developer's and evaluator's system: Development unless told otherwise (--environment=,
        // or the usual variables), which also turns on the development token issuer (POST /dev/tokens).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = args.LastOrDefault(a => a.StartsWith(EnvironmentArgument, StringComparison.Ordinal))?[EnvironmentArgument.Length..]
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Development,
        });

        configure?.Invoke(builder);
        builder.UseStandaloneDefaults();
        builder.UseDevelopmentClock();
        builder.AddServiceDefaults("ducha-standalone");
        builder.AddDuchaApi("ducha-standalone");
        builder.AddCasesService();
        builder.AddExposureService();
        builder.AddAssessmentService();
        builder.AddSecondmentService();
        builder.AddDisclosureService();
        builder.AddWebConsole();

        var app = builder.Build();

        app.MapDefaultEndpoints();
        app.MapDuchaApi();
        app.MapCasesService();
        app.MapExposureService();
        app.MapAssessmentService();
        app.MapSecondmentService();
        app.MapDisclosureService();
        app.MapWebConsole();
        app.MapStandaloneBanner();
        app.MapDevelopmentClock();
        return app;
    }
}
