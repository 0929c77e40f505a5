using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ducha.Secondment.Domain.History;

/// <summary>
/// One link of a level's secondment history: a secondment, an ending, an evaluation, a rotation plan, a draw — what
/// happened (kind), to what (subject id), by whom, when, and the hash of what was recorded. Each link's hash covers its
/// fields and the link before it, so rewriting any stored row breaks the chain from that row on.
/// </summary>
public sealed class HistoryLink
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public required string JurisdictionCode { get; init; }
    public long Sequence { get; init; }
    public required string Kind { get; init; }
    public required string SubjectId { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public DateTimeOffset At { get; init; }
    public required string PayloadHash { get; init; }
    public required string PreviousHash { get; init; }
    public string Hash { get; private set; } = string.Empty;

    public static HistoryLink Append(HistoryLink? previous, string jurisdictionCode, string kind, string subjectId, string payloadHash, Actor actor,
        DateTimeOffset at)
    {
        var link = new HistoryLink
        {
            JurisdictionCode = jurisdictionCode, Sequence = (previous?.Sequence ?? 0) + 1, Kind = kind, SubjectId = subjectId,
            Actor = actor.Subject, ActorRole = actor.Role.Name(), At = at, PayloadHash = payloadHash, PreviousHash = previous?.Hash ?? GenesisHash,
        };
        link.Hash = link.ComputeHash();
        return link;
    }

    /// <summary>The hash this link should carry given its fields; fields are length-prefixed so none can bleed into another.</summary>
    public string ComputeHash()
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            JurisdictionCode, Sequence.ToString(CultureInfo.InvariantCulture), Kind, SubjectId, Actor, ActorRole,
            At.UtcTicks.ToString(CultureInfo.InvariantCulture), PayloadHash, PreviousHash,
        })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Walks a level's links in order from <paramref name="expectedPrevious"/>; the first that does not hold.</summary>
    public static long? FirstBroken(IEnumerable<HistoryLink> chain, long expectedSequence, ref string expectedPrevious)
    {
        foreach (var link in chain)
        {
            if (link.Sequence != expectedSequence || link.PreviousHash != expectedPrevious || link.ComputeHash() != link.Hash) return expectedSequence;
            expectedPrevious = link.Hash;
            expectedSequence++;
        }
        return null;
    }
}
