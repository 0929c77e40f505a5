using System.Reflection;

namespace Ducha.WebConsole.Components.Layout;

/// <summary>
/// The console's stylesheet, shipped inside the assembly and served by the console itself, so the same path works in
/// its own process and in the standalone host, and no page needs anything from outside the deployment.
/// </summary>
public static class ConsoleAssets
{
    public const string StylesheetPath = "/console/site.v1.css";

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        var css = Read("site.css");
        endpoints.MapGet(StylesheetPath, (HttpContext http) =>
        {
            // The file name carries its version, so browsers may keep it.
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    internal static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ducha.WebConsole.Assets.{name}")
            ?? throw new InvalidOperationException($"The console's {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
