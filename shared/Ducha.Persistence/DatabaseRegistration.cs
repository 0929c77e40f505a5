using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ducha.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> backed by the provider-specific subclass chosen from configuration,
    /// migrates it before the host starts listening (unless <c>Database:MigrateOnStartup</c> is false) and adds a
    /// readiness check tagged with the service name.
    /// </summary>
    public static DatabaseLocation AddServiceDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var location = DatabaseLocation.Resolve(builder.Configuration, serviceName);
        if (location.Provider == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContext<TPostgres>(o => o.UseNpgsql(location.ConnectionString,
                npgsql => npgsql.EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null)));
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }
        else
        {
            builder.Services.AddDbContext<TSqlite>(o => o.UseSqlite(location.ConnectionString).AddInterceptors(new SqliteBusyTimeout()));
            builder.Services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
        }

        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{serviceName}-db", sp => new DatabaseHealthCheck<TContext>(sp), HealthStatus.Unhealthy, ["ready", serviceName]));
        return location;
    }
}
