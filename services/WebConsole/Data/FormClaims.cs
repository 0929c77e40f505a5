using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.WebConsole.Data;

/// <summary>
/// What became of a claimed form: still with the service, or settled — with the refusal if it refused, else where the
/// page went next.
/// </summary>
public sealed record FormClaimOutcome(bool Settled, string? Refusal, string? Next);

/// <summary>
/// Posted forms claimed in the console's database, so that of two replicas receiving the same form (a double click the
/// load balancer split) exactly one acts: the claim is a row under the form's key, and only one insert of a key succeeds.
/// A claim is kept ten minutes.
/// </summary>
public sealed class FormClaims(IServiceScopeFactory scopes, [FromKeyedServices(WallClock.Key)] TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    /// <summary>True when this caller now holds the claim on <paramref name="key"/> and must act and settle it.</summary>
    public Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken) => scopes.WithConsoleDbAsync(async db =>
    {
        var now = clock.GetUtcNow();
        // A claim past its ten minutes no longer counts, whether or not the sweep has been by yet.
        await db.FormClaims.Where(c => c.Key == key && c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.FormClaims.Add(new FormClaim { Key = key, ClaimedAt = now, ExpiresAt = now + Kept });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsConflict())
        {
            return false;
        }
    });

    /// <summary>
    /// The service answered: a later post of the same form reads <paramref name="refusal"/> (null: accepted) and where
    /// the page went next.
    /// </summary>
    public Task SettleAsync(string key, string? refusal, string? next) => scopes.WithConsoleDbAsync(db => db.FormClaims
        .Where(c => c.Key == key)
        .ExecuteUpdateAsync(set => set.SetProperty(c => c.Settled, true).SetProperty(c => c.Refusal, refusal).SetProperty(c => c.Next, next)));

    /// <summary>Nothing was decided (the service unreachable): the same form may be posted again and act.</summary>
    public Task ReleaseAsync(string key) => scopes.WithConsoleDbAsync(db => db.FormClaims
        .Where(c => c.Key == key && !c.Settled).ExecuteDeleteAsync());

    /// <summary>The claim on <paramref name="key"/>, or null when none holds (never made, released, or expired).</summary>
    public Task<FormClaimOutcome?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return scopes.WithConsoleDbAsync(db => db.FormClaims.AsNoTracking()
            .Where(c => c.Key == key && c.ExpiresAt > now)
            .Select(c => new FormClaimOutcome(c.Settled, c.Refusal, c.Next))
            .FirstOrDefaultAsync(cancellationToken));
    }
}
