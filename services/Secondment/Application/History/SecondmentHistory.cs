using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ducha.Secondment.Data;
using Ducha.Secondment.Domain.History;

namespace Ducha.Secondment.Application.History;

/// <summary>
/// Appends to a level's chain in the caller's unit of work. Two changes on one level committing at once both try to
/// write the same next sequence; the unique key lets one win and the other fail whole, record and link together.
/// </summary>
public sealed class SecondmentHistory(SecondmentDbContext db, TimeProvider time) : ISecondmentHistory
{
    private static readonly JsonSerializerOptions Payloads = StoredJson.Options();

    public async Task AppendAsync(string jurisdictionCode, string kind, string subjectId, object payload, Actor actor, CancellationToken cancellationToken)
    {
        // A request appending twice to one level sees its own unsaved link first.
        var previous = db.HistoryLinks.Local.Where(l => l.JurisdictionCode == jurisdictionCode).MaxBy(l => l.Sequence)
            ?? await db.HistoryLinks.AsNoTracking().Where(l => l.JurisdictionCode == jurisdictionCode).OrderByDescending(l => l.Sequence)
                .FirstOrDefaultAsync(cancellationToken);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload, payload.GetType(), Payloads))));
        db.HistoryLinks.Add(HistoryLink.Append(previous, jurisdictionCode, kind, subjectId, payloadHash, actor, time.GetStoredUtcNow()));
    }
}
