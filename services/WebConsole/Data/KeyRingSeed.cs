using Ducha.EventBus.EntityFramework;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ducha.WebConsole.Data;

/// <summary>
/// Makes the key ring's first key once, however many replicas start together. Left to Data Protection, two replicas
/// starting on an empty ring would each make a key and each prefer its own, and for up to a day (until the ring is read
/// again) one could not open what the other sealed. On PostgreSQL the replicas take turns under an advisory lock and
/// the second finds the first one's key; SQLite is one process's, where there is no one to race.
/// </summary>
public sealed partial class KeyRingSeed(IServiceScopeFactory scopes, IKeyManager keys, IOptions<KeyManagementOptions> options,
    ILogger<KeyRingSeed> logger) : IHostedService
{
    // Any number the console's database uses for nothing else.
    private const long LockId = 263_0001;

    public Task StartAsync(CancellationToken cancellationToken) => scopes.WithConsoleDbAsync(async db =>
    {
        if (!db.Database.IsPostgreSql()) return;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockId})", cancellationToken);
            try
            {
                var now = DateTimeOffset.UtcNow;
                if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
                {
                    keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
                    LogFirstKey();
                }
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockId})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Made the console's first Data Protection key; its other replicas will use it")]
    private partial void LogFirstKey();
}
