using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ducha.Cases.Domain;

/// <summary>
/// One link of a case's history: who did what, from which level, when and why, and the state before and after.
/// Each link's hash covers its own fields and the previous link's hash, so rewriting any stored row breaks the chain
/// from that row on: the history cannot be falsified unnoticed (against 弄虚作假、欺上瞒下).
/// </summary>
public sealed class CaseTransition
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public required string CaseId { get; init; }
    public int Sequence { get; init; }
    public required string Action { get; init; }
    public string? FromStatus { get; init; }
    public required string ToStatus { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorJurisdictionCode { get; init; }
    public required string ActorLevel { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset At { get; init; }
    public required string PreviousHash { get; init; }
    public string Hash { get; private set; } = string.Empty;

    public static CaseTransition Append(CaseTransition? previous, string caseId, string action, CaseStatus? from, CaseStatus to,
        CaseActor actor, string? reason, DateTimeOffset at) =>
        Append(previous?.Sequence ?? 0, previous?.Hash, caseId, action, from, to, actor, reason, at);

    /// <summary>The link after the one numbered <paramref name="previousSequence"/> with <paramref name="previousHash"/> (0 and null: the first).</summary>
    internal static CaseTransition Append(int previousSequence, string? previousHash, string caseId, string action, CaseStatus? from, CaseStatus to,
        CaseActor actor, string? reason, DateTimeOffset at)
    {
        var link = new CaseTransition
        {
            CaseId = caseId, Sequence = previousSequence + 1, Action = action, FromStatus = from?.ToString(), ToStatus = to.ToString(),
            Actor = actor.Subject, ActorRole = actor.Role, ActorJurisdictionCode = actor.JurisdictionCode, ActorLevel = actor.Level,
            Reason = reason, At = at, PreviousHash = previousHash ?? GenesisHash,
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
            CaseId, Sequence.ToString(CultureInfo.InvariantCulture), Action, FromStatus ?? "", ToStatus, Actor, ActorRole,
            ActorJurisdictionCode, ActorLevel, Reason ?? "", At.UtcTicks.ToString(CultureInfo.InvariantCulture), PreviousHash,
        })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Walks a case's links in order; returns the first that does not hold, with why.</summary>
    public static (int Sequence, string Reason)? FirstBrokenLink(IReadOnlyList<CaseTransition> chain)
    {
        var expectedPrevious = GenesisHash;
        for (var i = 0; i < chain.Count; i++)
        {
            var link = chain[i];
            if (link.Sequence != i + 1) return (i + 1, $"link {i + 1} is missing; found {link.Sequence} in its place");
            if (link.PreviousHash != expectedPrevious) return (link.Sequence, "does not follow the link before it");
            if (link.ComputeHash() != link.Hash) return (link.Sequence, "its content no longer matches its hash");
            expectedPrevious = link.Hash;
        }
        return null;
    }
}

/// <summary>Who acted on a case, as their token says.</summary>
public sealed record CaseActor(string Subject, string Role, string JurisdictionCode, string Level);
