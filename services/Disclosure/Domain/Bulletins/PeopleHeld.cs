using System.Text.Json.Serialization;

namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>
/// How many people were held accountable, by rank — what a bulletin may say of accountability. Those exempted under
/// 容错 were not sanctioned, so they are not counted here; nobody is ever named.
/// </summary>
public sealed record PeopleHeld(IReadOnlyDictionary<CadreRank, int> ByRank)
{
    public static readonly PeopleHeld None = new(new SortedDictionary<CadreRank, int>());

    /// <summary>Counts in rank order with no zero entries, so equal counts always serialize alike.</summary>
    public static PeopleHeld Of(IEnumerable<KeyValuePair<CadreRank, int>> counts)
    {
        var sorted = new SortedDictionary<CadreRank, int>();
        foreach (var (rank, count) in counts.Where(c => c.Value > 0)) sorted[rank] = sorted.GetValueOrDefault(rank) + count;
        return new PeopleHeld(sorted);
    }

    [JsonIgnore]
    public int Total => ByRank.Values.Sum();

    public PeopleHeld Add(PeopleHeld other) => Of(ByRank.Concat(other.ByRank));

    /// <summary>"2人，其中处级1人、科级1人"; "无" when nobody was.</summary>
    public string ToChinese()
    {
        if (Total == 0) return "无";
        var parts = Enum.GetValues<CadreRank>().Where(r => ByRank.GetValueOrDefault(r) > 0).Select(r => $"{Name(r)}{ByRank[r]}人");
        return $"{Total}人，其中{string.Join("、", parts)}";
    }

    public static string Name(CadreRank rank) => rank switch
    {
        CadreRank.Bureau => "厅级",
        CadreRank.Division => "处级",
        CadreRank.Section => "科级",
        _ => "其他",
    };
}
