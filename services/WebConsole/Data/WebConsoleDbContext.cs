using Ducha.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ducha.WebConsole.Data;

/// <summary>
/// The console's own small store, which its replicas share: the people's sessions, the Data Protection key ring that
/// seals their cookies and the forms' anti-forgery tokens, and what each posted form came to. It holds nothing of the
/// services' (a case lives in cases, and is asked for over gRPC); only this namespace touches it.
/// </summary>
[CompiledSqliteModel("Ducha.WebConsole.Data.CompiledModels.WebConsoleDbContextModel")]
public sealed class WebConsoleDbContext(DbContextOptions<WebConsoleDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<SessionTicket> SessionTickets => Set<SessionTicket>();
    public DbSet<FormClaim> FormClaims => Set<FormClaim>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// A lost claim (the second post of a double click) is a primary-key conflict this store expects and answers; EF would
    /// log it as an error before throwing. Every failure still throws, and one not expected is logged where it surfaces.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug)));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionTicket>(e =>
        {
            e.ToTable("session_tickets");
            e.HasKey(t => t.Key);
            e.Property(t => t.Key).HasMaxLength(SessionTicket.KeyLength);
            // The sweep deletes by expiry.
            e.HasIndex(t => t.ExpiresAt);
        });
        modelBuilder.Entity<FormClaim>(e =>
        {
            e.ToTable("form_claims");
            // The key is the claim: two replicas inserting the same one cannot both succeed.
            e.HasKey(c => c.Key);
            e.Property(c => c.Key).HasMaxLength(FormClaim.KeyLength);
            e.Property(c => c.Next).HasMaxLength(2000);
            e.HasIndex(c => c.ExpiresAt);
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreTimestampsAsUtc(Database);
        base.ConfigureConventions(configurationBuilder);
    }
}

/// <summary><c>dotnet ef migrations add &lt;Name&gt; -- --provider sqlite|postgres</c> (eng/squash-migrations.sh webconsole).</summary>
public sealed class WebConsoleDesignTimeFactory : ServiceDesignTimeFactory<WebConsoleDbContext>;
