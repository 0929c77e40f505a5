using System.Text.Json;
using Ducha.Drill.Scenario;

namespace Ducha.Drill.Invariants;

/// <summary>A public page as anyone fetches it: its path and its text.</summary>
public sealed record PublicPage(string Path, string Text);

/// <summary>Disclosure's public site for a province: its own and each city's page and feed, and every bulletin they list.</summary>
public static class PublicPages
{
    public static async Task<IReadOnlyList<PublicPage>> FetchAsync(HttpClient site, ProvinceMap map, CancellationToken cancellationToken)
    {
        var pages = new List<PublicPage>();
        foreach (var code in new[] { map.Province.Code }.Concat(map.Cities.Select(c => c.Code)))
        {
            foreach (var path in new[] { $"/public/{code}", $"/public/{code}/feed.atom", $"/public/{code}/bulletins", $"/public/{code}/bulletins.json" })
                if (await GetAsync(site, path, cancellationToken) is { } text) pages.Add(new(path, text));
            if (pages.LastOrDefault(p => p.Path.EndsWith("bulletins.json", StringComparison.Ordinal) && p.Path.Contains(code, StringComparison.Ordinal)) is not { } list)
                continue;
            foreach (var file in BulletinFiles(list.Text))
                if (await GetAsync(site, $"/public/bulletins/{file}", cancellationToken) is { } bulletin) pages.Add(new($"/public/bulletins/{file}", bulletin));
        }
        return pages;
    }

    private static async Task<string?> GetAsync(HttpClient site, string path, CancellationToken cancellationToken)
    {
        using var response = await site.GetAsync(path, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
    }

    /// <summary>The bulletin pages a list names: each entry's <c>url</c> (or <c>id</c>), whatever else the list carries.</summary>
    private static IEnumerable<string> BulletinFiles(string json)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { } s && s.Contains("/bulletins/", StringComparison.Ordinal))
                        found.Add(s[(s.LastIndexOf('/') + 1)..]);
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var item in e.EnumerateArray()) Walk(item);
        }
        Walk(document.RootElement);
        return found.Distinct();
    }
}
