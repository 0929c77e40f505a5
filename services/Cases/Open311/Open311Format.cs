namespace Ducha.Cases.Open311;

/// <summary>The formats GeoReport v2 defines: XML, which it requires, and JSON, which it allows.</summary>
internal enum Open311Format
{
    Xml,
    Json,
}

/// <summary>
/// As GeoReport v2 says, the client picks the format by the resource's extension: services.xml, requests/{id}.json.
/// </summary>
internal static class Open311Formats
{
    public const string RouteValue = "format";

    /// <summary>What a path naming no format we serve is answered in: XML, the one format every GeoReport client must read.</summary>
    public const Open311Format Fallback = Open311Format.Xml;

    public static Open311Format? Parse(string? extension) =>
        string.Equals(extension, "xml", StringComparison.OrdinalIgnoreCase) ? Open311Format.Xml
        : string.Equals(extension, "json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json
        : null;

    /// <summary>
    /// The {format} of the matched route; on a path that is no resource (the catch-all), the extension of its last
    /// segment, so a mistyped request.json is still told so in JSON.
    /// </summary>
    public static Open311Format Of(HttpContext http)
    {
        var extension = http.GetRouteValue(RouteValue) as string ?? LastExtension(http.Request.Path.Value);
        return Parse(extension) ?? Fallback;
    }

    public static string Extension(this Open311Format format) => format == Open311Format.Json ? "json" : "xml";

    private static string? LastExtension(string? path)
    {
        var segment = path?[(path.LastIndexOf('/') + 1)..];
        var dot = segment?.LastIndexOf('.') ?? -1;
        return dot < 0 ? null : segment![(dot + 1)..];
    }
}
