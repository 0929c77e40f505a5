namespace Ducha.WebConsole.Data;

/// <summary>
/// One posted action form, claimed by the replica that acts on it: inserted before the service is called, settled with
/// the outcome after. A second post of the same form (a double click, on any replica) finds the row and takes its outcome.
/// </summary>
public sealed class FormClaim
{
    /// <summary>A SHA-256 in hex: the form's key with who posted it, where and which form.</summary>
    public const int KeyLength = 64;

    public required string Key { get; init; }
    public DateTimeOffset ClaimedAt { get; init; }
    /// <summary>Ten minutes after the claim: the same form posted later acts again, as a new submission.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
    /// <summary>False while the claiming replica waits for the service.</summary>
    public bool Settled { get; set; }
    /// <summary>The service's refusal (JSON) when it refused; null when it accepted or has not answered yet.</summary>
    public string? Refusal { get; set; }
    /// <summary>Where the page went after an accepted post (a new draft's address, say), for the second post to go too.</summary>
    public string? Next { get; set; }
}
