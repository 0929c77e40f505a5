using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ducha.Disclosure.Data;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ducha.Disclosure.Application;

/// <summary>
/// A fingerprint of every row of the rebuilt read models, by table and key, so a rebuild can say which rows it would
/// change. Every mapped column counts but the fetcher's bookkeeping (attempts, next attempt, last error), which a rebuild
/// starts afresh. Eight bytes of a SHA-256 per row keep a province's million cases in memory twice.
/// </summary>
public sealed class ReadModelSnapshot
{
    /// <summary>Columns that are no fact of the model: how the fetcher is getting on with cases.</summary>
    private static readonly HashSet<string> Bookkeeping = ["FactsAttempts", "FactsDueAt", "FactsError"];

    private readonly Dictionary<string, ulong> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    public static async Task<ReadModelSnapshot> TakeAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = new ReadModelSnapshot();
        await snapshot.AddAsync(db, db.Cases, cancellationToken);
        await snapshot.AddAsync(db, db.Facts, cancellationToken);
        await snapshot.AddAsync(db, db.Accountability, cancellationToken);
        await snapshot.AddAsync(db, db.Exposures, cancellationToken);
        return snapshot;
    }

    /// <summary>The rows (table:key) that differ between the two, or are in one only, in ordinal order.</summary>
    public IReadOnlyList<string> Differences(ReadModelSnapshot other) =>
        [.. _rows.Keys.Union(other._rows.Keys)
            .Where(key => !_rows.TryGetValue(key, out var mine) || !other._rows.TryGetValue(key, out var theirs) || mine != theirs)
            .Order(StringComparer.Ordinal)];

    private async Task AddAsync<T>(DisclosureDbContext db, IQueryable<T> rows, CancellationToken cancellationToken) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var key = entity.FindPrimaryKey()!.Properties;
        var compared = entity.GetProperties().Where(p => !Bookkeeping.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var content = string.Join('\u001f', compared.Select(p => p.Name + "=" + Format(p, row)));
            _rows[entity.GetTableName() + ":" + string.Join('|', key.Select(p => Format(p, row)))] =
                BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        }
    }

    private static string Format(IProperty property, object row) => property.PropertyInfo!.GetValue(row) switch
    {
        null => "∅",
        DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };
}
