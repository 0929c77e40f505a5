namespace Ducha.Disclosure.PublicSite;

/// <summary>Settings of the public site (<c>Disclosure:PublicSite</c>).</summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Disclosure:PublicSite";

    /// <summary>
    /// The address the public reaches the site at (https://gs.example.gov.cn), for the absolute links of the feeds and
    /// the JSON. Unset: the scheme and host of each request.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a browser or proxy may keep a page without asking again (Cache-Control max-age); then it revalidates with the ETag.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);
}
