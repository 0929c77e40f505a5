using Microsoft.Extensions.Caching.Memory;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// Rendered pages, keyed by what they were rendered from (the place or id, its content stamp, the day, the base
/// address): while nothing changes a request renders nothing, and a change makes a new key, so nothing is ever stale
/// and nothing needs invalidating — in one process or in several. Old keys age out; the cache is bounded by bytes.
/// </summary>
internal sealed class PublicPageCache : IDisposable
{
    public const long SizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public async Task<PublicRepresentation> GetOrRenderAsync(string key, Func<Task<PublicRepresentation>> render)
    {
        if (_cache.TryGetValue(key, out PublicRepresentation? cached)) return cached!;
        // Two requests missing at once both render; the result is the same, and locking would cost every hit.
        var rendered = await render();
        _cache.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Body.Length + key.Length * 2, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return rendered;
    }

    /// <summary>For what is rendered from static data alone (the tree): kept like any other page.</summary>
    public PublicRepresentation GetOrRender(string key, Func<PublicRepresentation> render)
    {
        if (_cache.TryGetValue(key, out PublicRepresentation? cached)) return cached!;
        var rendered = render();
        _cache.Set(key, rendered, new MemoryCacheEntryOptions { Size = rendered.Body.Length + key.Length * 2, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return rendered;
    }

    public void Dispose() => _cache.Dispose();
}
