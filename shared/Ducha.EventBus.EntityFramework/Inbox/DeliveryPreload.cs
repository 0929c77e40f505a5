using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// The rows a consumer's handlers look up by a key its events carry (a case's read-model row by <c>caseId</c>), read for
/// a whole delivery batch in one query before the first handler runs. The handlers ask the tracker first
/// (<c>KeyLookup</c>), so they find them there; without this each event of a batch read its row with a query of its own
/// (about eleven a case's walk to closure, in disclosure and assessment together, and two for each new complaint). Read
/// inside the batch's transaction, after its locks, so a handler sees what it would have read itself. A key with no row
/// is noted (<see cref="PreloadedRows"/>) so the handler opens one without asking; a save that lets go of the tracked
/// rows forgets that and sends the handlers after it back to the store.
/// </summary>
public sealed class DeliveryPreload
{
    private readonly string _dataProperty;
    private readonly Func<DbContext, List<string>, PreloadedRows, CancellationToken, Task> _load;

    private DeliveryPreload(Type dbContextType, string dataProperty, Func<DbContext, List<string>, PreloadedRows, CancellationToken, Task> load)
    {
        DbContextType = dbContextType;
        _dataProperty = dataProperty;
        _load = load;
    }

    public Type DbContextType { get; }

    /// <summary>
    /// Rows of <typeparamref name="TRow"/> whose string key <paramref name="keyProperty"/> is the value of
    /// <paramref name="dataProperty"/> in an event's data.
    /// </summary>
    public static DeliveryPreload ByKey<TContext, TRow>(string keyProperty, string dataProperty) where TContext : DbContext where TRow : class =>
        new(typeof(TContext), dataProperty, async (db, keys, preloaded, ct) =>
        {
            var found = await db.Set<TRow>().Where(row => keys.Contains(EF.Property<string>(row, keyProperty))).ToListAsync(ct);
            preloaded.MarkAbsent(typeof(TRow), keys.Except(found.Select(row => db.Entry(row).Property<string>(keyProperty).CurrentValue), StringComparer.Ordinal));
        });

    /// <summary>
    /// Tracks, in <paramref name="db"/>, the rows the events of <paramref name="envelopes"/> name, and notes in
    /// <paramref name="preloaded"/> the keys with none.
    /// </summary>
    public Task LoadAsync(DbContext db, IEnumerable<CloudEventEnvelope> envelopes, PreloadedRows preloaded, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in envelopes)
        {
            if (envelope.Data.ValueKind == JsonValueKind.Object && envelope.Data.TryGetProperty(_dataProperty, out var key)
                && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } value)
                keys.Add(value);
        }
        return keys.Count == 0 ? Task.CompletedTask : _load(db, keys.ToList(), preloaded, cancellationToken);
    }
}
