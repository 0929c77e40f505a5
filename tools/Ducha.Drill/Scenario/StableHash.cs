namespace Ducha.Drill.Scenario;

/// <summary>
/// FNV-1a of a text: the same number on every run and machine (string.GetHashCode is randomised per process), so choices
/// the drill makes from a record's own text repeat from its seed whatever the order of calls.
/// </summary>
public static class StableHash
{
    public static uint Of(string text) => text.Aggregate(2166136261u, (hash, c) => (hash ^ c) * 16777619u);
}
