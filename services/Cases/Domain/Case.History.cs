namespace Ducha.Cases.Domain;

/// <summary>The case's history as its row knows it: how long the chain is and its last link, which the next link covers.</summary>
public sealed partial class Case
{
    /// <summary>
    /// How many links its history has. Every change appends one, so the row is written only if no one else appended since
    /// it was read: two requests that read the same case cannot both write it, whatever each changed.
    /// </summary>
    public int HistoryLength { get; private set; }

    /// <summary>
    /// The last link as "{sequence}:{hash}", which the next link covers: kept on the row so a change appends its link
    /// without reading the chain first. Trusted only while its sequence is <see cref="HistoryLength"/>: a replica of an
    /// earlier version, still running during an upgrade, appends links without moving it, and then the last link is read.
    /// </summary>
    public string? HistoryHead { get; private set; }

    /// <summary>Whether the next link can be made from this row alone (<see cref="HistoryHead"/> is current, or there is no link yet).</summary>
    public bool KnowsHistoryHead => HistoryHead is null ? HistoryLength == 0 : HistoryHead.StartsWith(HeadPrefix(HistoryLength), StringComparison.Ordinal);

    /// <summary>
    /// Appends the next link of the history, with <paramref name="last"/> as the previous one when the row's head is not
    /// current (<see cref="KnowsHistoryHead"/>).
    /// </summary>
    public CaseTransition AppendHistory(string action, CaseStatus? before, CaseActor actor, string? reason, DateTimeOffset at, CaseTransition? last = null)
    {
        var link = KnowsHistoryHead
            ? CaseTransition.Append(HistoryLength, HistoryHead?[HeadPrefix(HistoryLength).Length..], Id, action, before, Status, actor, reason, at)
            : CaseTransition.Append(last ?? throw new InvalidOperationException($"Case {Id}: the last link must be read before appending (head {HistoryHead}, length {HistoryLength})."),
                Id, action, before, Status, actor, reason, at);
        HistoryLength = link.Sequence;
        HistoryHead = HeadPrefix(link.Sequence) + link.Hash;
        return link;
    }

    private static string HeadPrefix(int sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
}
