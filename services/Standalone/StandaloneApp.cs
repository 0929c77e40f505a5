namespace Ducha.Standalone;

/// <summary>All five services in one process on one port: the embedded default a newcomer runs first.</summary>
public static class StandaloneApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.UseStandaloneDefaults();
        builder.AddServiceDefaults("ducha-standalone");
        builder.AddCasesService();
        builder.AddExposureService();
        builder.AddAssessmentService();
        builder.AddSecondmentService();
        builder.AddDisclosureService();

        var app = builder.Build();

        app.MapDefaultEndpoints();
        app.MapCasesService();
        app.MapExposureService();
        app.MapAssessmentService();
        app.MapSecondmentService();
        app.MapDisclosureService();
        app.MapStandaloneBanner();
        return app;
    }
}
