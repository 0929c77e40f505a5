namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// What a delivery batch's preload (<see cref="DeliveryPreload"/>) found missing: keys its events name that had no row.
/// A handler's lookup of such a key needs no query while the rows read since are still tracked, so the dispatcher
/// forgets this whenever it lets go of them. One per scope: the dispatcher's and its handlers'.
/// </summary>
public sealed class PreloadedRows
{
    private readonly HashSet<(Type Row, string Key)> _absent = [];

    /// <summary>Whether the batch's preload found no <typeparamref name="TRow"/> with <paramref name="key"/> (one added since is tracked).</summary>
    public bool IsAbsent<TRow>(string key) => _absent.Contains((typeof(TRow), key));

    internal void MarkAbsent(Type row, IEnumerable<string> keys)
    {
        foreach (var key in keys) _absent.Add((row, key));
    }

    internal void Forget() => _absent.Clear();
}
