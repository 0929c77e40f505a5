namespace Ducha.WebConsole.Data;

/// <summary>
/// A signed-in person's session as the console keeps it on the server: the serialized authentication ticket (their
/// claims and the tokens the services accept), under the random key that is all their cookie carries.
/// </summary>
public sealed class SessionTicket
{
    /// <summary>32 random bytes in base64url.</summary>
    public const int KeyLength = 43;

    public required string Key { get; init; }
    public required byte[] Ticket { get; set; }
    /// <summary>When the session ends whatever happens; past it the ticket is no longer read, and the sweep removes it.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
