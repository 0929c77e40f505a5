namespace Ducha.Disclosure.Domain;

/// <summary>
/// What cases answers about a case that its events do not carry: where, what, the accepted report's findings (调查核实情况)
/// and result (处理结果), how far rectification has got. Public fields only; kept in the fetched-facts log as answered.
/// </summary>
public sealed record CaseFacts(string CaseId, string OriginJurisdictionCode, string Address, string? Polluter, string Description, string? Findings,
    string? Result, Rectification Rectification, DateOnly? RectificationDeadline, string? ExposureId);

/// <summary>
/// Read model: the latest answer cases gave about a case (<see cref="CaseFacts"/>), or that it knows no such case. An
/// answer covers the events that asked for facts up to its <see cref="Version"/>; an older answer never replaces a newer one.
/// </summary>
public sealed class DisclosedCaseFacts
{
    public required string CaseId { get; init; }
    public int Version { get; private set; }
    public DateTimeOffset FetchedAt { get; private set; }
    /// <summary>False when cases answered that it knows no such case.</summary>
    public bool Found { get; private set; }
    public string? OriginJurisdictionCode { get; private set; }
    public string? Address { get; private set; }
    public string? Polluter { get; private set; }
    public string? Description { get; private set; }
    public string? Findings { get; private set; }
    public string? Result { get; private set; }
    public Rectification? Rectification { get; private set; }
    public DateOnly? RectificationDeadline { get; private set; }
    public string? ExposureId { get; private set; }

    /// <summary>Takes the answer unless a newer one is already here; says whether it did.</summary>
    public bool Take(CaseFacts? facts, int version, DateTimeOffset fetchedAt)
    {
        if (version < Version) return false;
        Version = version;
        FetchedAt = fetchedAt;
        Found = facts is not null;
        OriginJurisdictionCode = facts?.OriginJurisdictionCode;
        Address = facts?.Address;
        Polluter = facts?.Polluter;
        Description = facts?.Description;
        Findings = facts?.Findings;
        Result = facts?.Result;
        Rectification = facts?.Rectification;
        RectificationDeadline = facts?.RectificationDeadline;
        ExposureId = facts?.ExposureId;
        return true;
    }
}

/// <summary>
/// One answer cases gave, kept in the order it was applied, with the read-model change in one transaction: a rebuild
/// replays these after the applied events and so never asks cases again.
/// </summary>
public sealed class FetchedCaseFacts
{
    public long Sequence { get; set; }
    public required string CaseId { get; init; }
    /// <summary>How many requests for facts the answer covers (<see cref="DisclosedCase.FactsWanted"/> when it was asked).</summary>
    public int Version { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
    /// <summary>The <see cref="CaseFacts"/> as JSON; null when cases knows no such case.</summary>
    public string? Payload { get; init; }
}
