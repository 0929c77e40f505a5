using System.Reflection;
using System.Security.Cryptography;

namespace Ducha.WebConsole.Components.Layout;

/// <summary>
/// The console's stylesheet and scripts, shipped inside the assembly and served by the console itself, so the same path
/// works in its own process and in the standalone host, and no page needs anything from outside the deployment. Each path
/// carries a hash of the file's content: a browser may keep a file for a year, and a changed file is a new path.
/// </summary>
public static class ConsoleAssets
{
    public static readonly Asset Stylesheet = new("site.css", "/console/site.{0}.css", "text/css; charset=utf-8");
    /// <summary>Chart.js 4.6.1 from npm (MIT; its licence is beside it in Assets/vendor).</summary>
    public static readonly Asset Chart = new("vendor.chart.umd.min.js", "/console/vendor/chart.umd.4.6.1.{0}.min.js", "text/javascript; charset=utf-8");
    /// <summary>The overview's charts, drawn from the tables already on the page.</summary>
    public static readonly Asset OverviewScript = new("overview.js", "/console/overview.{0}.js", "text/javascript; charset=utf-8");
    /// <summary>考核排名's bar chart of the totals, drawn from the ranking table on the page.</summary>
    public static readonly Asset RankingsScript = new("rankings.js", "/console/rankings.{0}.js", "text/javascript; charset=utf-8");

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var asset in new[] { Stylesheet, Chart, OverviewScript, RankingsScript })
        {
            endpoints.MapGet(asset.Path, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(asset.Content, asset.ContentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }
        return endpoints;
    }

    /// <summary>One embedded file and the path it is served at.</summary>
    public sealed class Asset
    {
        public Asset(string name, string pathFormat, string contentType)
        {
            Content = Read(name);
            Path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, Convert.ToHexStringLower(SHA256.HashData(Content))[..12]);
            ContentType = contentType;
        }

        public string Path { get; }
        public byte[] Content { get; }
        public string ContentType { get; }
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ducha.WebConsole.Assets.{name}")
            ?? throw new InvalidOperationException($"The console's {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
