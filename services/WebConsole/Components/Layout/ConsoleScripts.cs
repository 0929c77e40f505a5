namespace Ducha.WebConsole.Components.Layout;

/// <summary>
/// The few scripts a page may add on top of its plain HTML, served like the stylesheet: from the assembly, by versioned
/// paths. Every page works without them; the overview's chart is drawn from the table already on the page.
/// </summary>
public static class ConsoleScripts
{
    /// <summary>Chart.js 4.6.1 from npm (MIT; its licence is beside it in Assets/vendor).</summary>
    public const string ChartPath = "/console/vendor/chart.umd.4.6.1.min.js";
    public const string OverviewPath = "/console/overview.v1.js";

    public static IEndpointRouteBuilder MapConsoleScripts(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, ChartPath, ConsoleAssets.Read("vendor.chart.umd.min.js"));
        Map(endpoints, OverviewPath, ConsoleAssets.Read("overview.js"));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, byte[] script) =>
        endpoints.MapGet(path, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(script, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
