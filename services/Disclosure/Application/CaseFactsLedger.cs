using System.Text.Json;
using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain;
using Ducha.EventBus.EntityFramework;
using Ducha.Persistence;

namespace Ducha.Disclosure.Application;

/// <summary>
/// Keeps an answer from cases twice in one unit of work: in the fetched-facts log, as it came, and in the read model. The
/// rebuild applies the log the same way (<see cref="ApplyAsync"/>), so it never has to ask cases again. The log is only
/// ever appended and nothing reads it back in the unit of work, so its entries are written past EF's change tracker
/// (<see cref="AppendedRows"/>): one statement for a batch instead of an insert, with its key read back, each.
/// </summary>
public sealed class CaseFactsLedger(DisclosureDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly PerModel<Func<DisclosureDbContext, string, CancellationToken, Task<DisclosedCaseFacts?>>> FactsOf = new(() =>
        EF.CompileAsyncQuery((DisclosureDbContext db, string id, CancellationToken _) => db.Facts.FirstOrDefault(f => f.CaseId == id)));

    // The cases whose rows LoadAsync brought into the tracker: for these, a row not tracked is a row not stored.
    private HashSet<string> _loaded = new(StringComparer.Ordinal);
    private readonly List<FetchedCaseFacts> _log = [];

    /// <summary>
    /// Brings the facts rows and read-model rows of <paramref name="caseIds"/> into the tracker with two queries, so recording
    /// a batch of answers asks the store nothing per case.
    /// </summary>
    public async Task LoadAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        await db.Facts.Where(f => caseIds.Contains(f.CaseId)).LoadAsync(cancellationToken);
        await db.Cases.Where(c => caseIds.Contains(c.CaseId)).LoadAsync(cancellationToken);
        _loaded = new HashSet<string>(caseIds, StringComparer.Ordinal);
        // A unit of work begun again (the execution strategy's retry) starts from the stored state.
        _log.Clear();
    }

    /// <summary>Logs and applies the answer for one case (null: cases knows no such case), covering <paramref name="version"/>.</summary>
    public Task RecordAsync(string caseId, CaseFacts? facts, int version, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        var entry = new FetchedCaseFacts
        {
            CaseId = caseId, Version = version, FetchedAt = fetchedAt, Payload = facts is null ? null : JsonSerializer.Serialize(facts, Json),
        };
        _log.Add(entry);
        return ApplyAsync(entry, cancellationToken);
    }

    /// <summary>Saves the read model's changes and appends the recorded answers to the log, inside the transaction begun.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await AppendedRows.InsertAsync(db, _log, cancellationToken);
        _log.Clear();
    }

    /// <summary>Applies a logged answer to the read model: the facts row, and whether the case still waits for facts.</summary>
    public async Task ApplyAsync(FetchedCaseFacts entry, CancellationToken cancellationToken)
    {
        var facts = entry.Payload is null ? null : JsonSerializer.Deserialize<CaseFacts>(entry.Payload, Json);
        var loaded = _loaded.Contains(entry.CaseId);
        var row = loaded ? db.Tracked<DisclosedCaseFacts, string>(entry.CaseId) : await db.FindByKeyAsync(entry.CaseId, FactsOf, cancellationToken);
        if (row is null) db.Facts.Add(row = new DisclosedCaseFacts { CaseId = entry.CaseId });
        row.Take(facts, entry.Version, entry.FetchedAt);
        var disclosed = loaded ? db.Tracked<DisclosedCase, string>(entry.CaseId) : await db.FindByKeyAsync(entry.CaseId, DisclosedCaseRows.CaseOf, cancellationToken);
        disclosed?.FactsArrived(entry.Version);
    }
}
