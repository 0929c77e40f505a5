using System.Text.Json;

namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>
/// The canonical JSON of a bulletin's content: what a version's hash covers, so the same content always writes the same
/// bytes (fixed property order, counts in rank order, Chinese kept as written rather than escaped).
/// </summary>
public static class BulletinContentJson
{
    private static readonly JsonSerializerOptions Options = StoredJson.Options();

    public static string Write(BulletinContent content) =>
        JsonSerializer.Serialize(content with
        {
            Cases = [.. content.Cases.Select(c => c with { Accountability = PeopleHeld.Of(c.Accountability.ByRank) })],
            ToDate = content.ToDate is { } total ? total with { Accountability = PeopleHeld.Of(total.Accountability.ByRank) } : null,
        }, Options);

    public static BulletinContent Read(string json) =>
        JsonSerializer.Deserialize<BulletinContent>(json, Options) ?? throw new InvalidOperationException("A stored bulletin has no content.");
}
