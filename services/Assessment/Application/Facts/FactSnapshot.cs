using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;

namespace Ducha.Assessment.Application.Facts;

/// <summary>
/// A fingerprint of every fact row, by what identifies it rather than by its row number (which a rebuild hands out
/// afresh): a case by its id, a deduction by its key, an event behind a deduction by the deduction's key and the event's
/// id. Eight bytes of a SHA-256 per row keep a province's year in memory twice.
/// </summary>
public sealed class FactSnapshot
{
    private readonly Dictionary<string, ulong> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    public static async Task<FactSnapshot> TakeAsync(AssessmentDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = new FactSnapshot();
        await foreach (var c in db.AssessedCases.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            snapshot.Add("assessed_cases:" + c.CaseId, c.PlaceJurisdictionCode, c.Year, At(c.ReceivedAt), c.Received, c.OriginJurisdictionCode,
                c.HolderJurisdictionCode, c.HolderUnit, At(c.HolderSince), c.Closed, At(c.ClosedChangedAt), c.EverOverdue, c.Reported,
                c.RectificationVerified, c.Satisfied);
        var keys = new Dictionary<long, string>();
        await foreach (var d in db.DeductionFacts.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            keys[d.Id] = d.Key;
            snapshot.Add("deduction_facts:" + d.Key, d.Kind, d.Year, d.CaseId, d.ExposureId, d.PlaceJurisdictionCode, d.HolderJurisdictionCode, d.HolderUnit,
                d.ReturnerJurisdictionCode, d.ReturnerUnit, At(d.OccurredAt), d.Cause, d.Exempted, d.ExemptionReason);
        }
        await foreach (var e in db.Set<DeductionEventRef>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            snapshot.Add($"deduction_events:{keys.GetValueOrDefault(e.DeductionFactId, "?")}|{e.EventId}", e.Type, At(e.At));
        return snapshot;
    }

    /// <summary>The rows (table:key) that differ between the two, or are in one only, in ordinal order.</summary>
    public IReadOnlyList<string> Differences(FactSnapshot other) =>
        [.. _rows.Keys.Union(other._rows.Keys)
            .Where(key => !_rows.TryGetValue(key, out var mine) || !other._rows.TryGetValue(key, out var theirs) || mine != theirs)
            .Order(StringComparer.Ordinal)];

    private void Add(string key, params object?[] values)
    {
        var content = string.Join('\u001f', values.Select(v => v switch
        {
            null => "∅",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
        _rows[key] = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    private static long? At(DateTimeOffset? at) => at?.UtcTicks;
}
