using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.Inbox;

/// <summary>
/// The rows a consumer's handlers look up by a key its events carry (a case's read-model row by <c>caseId</c>), read for
/// a whole delivery batch in one query before the first handler runs. The handlers ask the tracker first
/// (<c>KeyLookup</c>), so they find them there; without this each event of a batch read its row with a query of its own
/// (about eleven a case's walk to closure, in disclosure and assessment together). Read inside the batch's transaction,
/// after its locks, so a handler sees what it would have read itself; a key with no row yet is still asked for by its
/// handler, and a save that lets go of the tracked rows only sends the handlers after it back to the store.
/// </summary>
public sealed class DeliveryPreload
{
    private readonly string _dataProperty;
    private readonly Func<DbContext, List<string>, CancellationToken, Task> _load;

    private DeliveryPreload(Type dbContextType, string dataProperty, Func<DbContext, List<string>, CancellationToken, Task> load)
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
        new(typeof(TContext), dataProperty, (db, keys, ct) =>
            db.Set<TRow>().Where(row => keys.Contains(EF.Property<string>(row, keyProperty))).LoadAsync(ct));

    /// <summary>Tracks, in <paramref name="db"/>, the rows the events of <paramref name="envelopes"/> name.</summary>
    public Task LoadAsync(DbContext db, IEnumerable<CloudEventEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in envelopes)
        {
            if (envelope.Data.ValueKind == JsonValueKind.Object && envelope.Data.TryGetProperty(_dataProperty, out var key)
                && key.ValueKind == JsonValueKind.String && key.GetString() is { Length: > 0 } value)
                keys.Add(value);
        }
        // One key gains nothing over the handler's own lookup.
        return keys.Count < 2 ? Task.CompletedTask : _load(db, keys.ToList(), cancellationToken);
    }
}
