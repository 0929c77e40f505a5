using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ducha.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the provider chosen from configuration, migrates it before the host
    /// starts listening (unless <c>Database:MigrateOnStartup</c> is false) and adds a readiness check tagged with the
    /// service name.
    /// </summary>
    public static DatabaseLocation AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
    {
        var location = DatabaseLocation.Resolve(builder.Configuration, serviceName);
        builder.Services.AddDbContext<TContext>(o => o.UseServiceDatabase(location));
        builder.Services.AddScoped<JurisdictionRecords<TContext>>();
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            // Aspire's client integration adds Npgsql's spans (one per command, under the request or event that ran it) and
            // metrics to our own registration. Its retries and health check stay off: ours are set above and below.
            builder.EnrichNpgsqlDbContext<TContext>(settings =>
            {
                settings.DisableRetry = true;
                settings.DisableHealthChecks = true;
            });
        }

        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{serviceName}-db", sp => new DatabaseHealthCheck<TContext>(sp), HealthStatus.Unhealthy, ["ready", serviceName]));
        return location;
    }

    /// <summary>
    /// The provider and its settings, at run time and at design time alike: the provider's own migrations
    /// (<see cref="ProviderMigrationsAssembly"/>), retries on PostgreSQL, SQLite's own busy timeout.
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, DatabaseLocation location)
    {
        if (location.Provider == DatabaseProvider.PostgreSql)
            options.UseNpgsql(location.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null));
        else
            options.UseSqlite(location.ConnectionString).AddInterceptors(new SqliteBusyTimeout());
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }
}
