using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Ducha.WebConsole.Data;

/// <summary>
/// Keeps each session's ticket in the console's database, under a random key that is all the cookie carries, so any
/// replica serves any session. A row lives as long as its ticket; signing out deletes it, so a copied cookie is
/// worthless afterwards on every replica.
/// </summary>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, [FromKeyedServices(WallClock.Key)] TimeProvider clock) : ITicketStore
{
    private static readonly TimeSpan Fallback = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await scopes.WithConsoleDbAsync(db =>
        {
            db.SessionTickets.Add(new SessionTicket { Key = key, Ticket = TicketSerializer.Default.Serialize(ticket), ExpiresAt = ExpiryOf(ticket) });
            return db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>
    /// New tokens for a session still held. A session signed out meanwhile (on this replica or another) stays gone: the
    /// update finds no row, and nothing brings it back.
    /// </summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket);
        return scopes.WithConsoleDbAsync(db => db.SessionTickets.Where(t => t.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Ticket, bytes).SetProperty(t => t.ExpiresAt, expires)));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        var bytes = await scopes.WithConsoleDbAsync(db => db.SessionTickets.AsNoTracking()
            .Where(t => t.Key == key && t.ExpiresAt > now).Select(t => t.Ticket).FirstOrDefaultAsync());
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) =>
        scopes.WithConsoleDbAsync(db => db.SessionTickets.Where(t => t.Key == key).ExecuteDeleteAsync());

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + Fallback;
}
