using Google.Protobuf.Reflection;

namespace Ducha.Rest;

/// <summary>The field a misspelt name most likely meant ("latidude" → latitude), so a typo's answer carries its fix.</summary>
internal static class NearestFieldName
{
    /// <summary>
    /// A name at most this many edits away (and no more than one per two letters, so "x" suggests nothing) counts as a
    /// typo; further off, a guess would mislead.
    /// </summary>
    private const int MaxEdits = 2;

    /// <summary>The closest field name, spelt the way the caller spells names (snake_case or lowerCamel), or null.</summary>
    public static string? Of(MessageDescriptor message, string name)
    {
        var snake = name.Contains('_');
        string? best = null;
        var bestEdits = MaxEdits + 1;
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var candidate = snake ? field.Name : field.JsonName;
            var edits = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), bestEdits);
            if (edits < bestEdits && edits * 2 <= name.Length)
            {
                best = candidate;
                bestEdits = edits;
            }
        }
        return best;
    }

    /// <summary>Levenshtein distance, giving up (returning <paramref name="limit"/>) once it cannot come in under it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit) return limit;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin >= limit) return limit;
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], limit);
    }
}
