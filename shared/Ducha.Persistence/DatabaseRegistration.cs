using System.Runtime.CompilerServices;
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
    /// Registers a service's <typeparamref name="TContext"/> (<see cref="AddOwnDatabase{TContext}"/>) and the records
    /// its jurisdictions own in it.
    /// </summary>
    public static DatabaseLocation AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : ServiceDbContext
    {
        var location = builder.AddOwnDatabase<TContext>(serviceName);
        builder.Services.AddScoped<JurisdictionRecords<TContext>>();
        return location;
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the provider chosen from configuration (<see cref="DatabaseLocation"/>:
    /// <c>ConnectionStrings__{name}db</c>, else <c>{name}.db</c> under <c>DUCHA_DATA_DIR</c>), migrates it before the host
    /// starts listening (unless <c>Database:MigrateOnStartup</c> is false) and adds a readiness check tagged with the
    /// name. A service's context is a <see cref="ServiceDbContext"/>; the console's own store, which has no events, is not.
    /// </summary>
    public static DatabaseLocation AddOwnDatabase<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var location = DatabaseLocation.Resolve(builder.Configuration, name);
        // The options are built once, not for every request's context: they depend on nothing but the location, and
        // building them (provider, interceptors, replaced services) showed in a profile of intake at a few percent of its CPU.
        // Not in UseServiceDatabase: dotnet ef builds its design-time model from OnModelCreating, never the compiled one.
        var compiled = location.Provider == DatabaseProvider.Sqlite ? CompiledSqliteModelAttribute.For(typeof(TContext)) : null;
        if (typeof(ServiceDbContext).IsAssignableFrom(typeof(TContext)))
        {
            // Pooled: a request or event leases a context already built, instead of EF resolving its internal services for a
            // new one each time (5-8 % of a GetCase's or an inbox message's CPU in a profile). A service's context holds no
            // state of its own beyond what EF resets on return (tracked entities, transaction, connection closed).
            builder.Services.AddDbContextPool<TContext>(o => UseModel(o.UseServiceDatabase(location), compiled));
        }
        else
        {
            builder.Services.AddDbContext<TContext>(o => UseModel(o.UseServiceDatabase(location), compiled), optionsLifetime: ServiceLifetime.Singleton);
        }
        if (location.Provider == DatabaseProvider.PostgreSql) EnrichForPostgreSql<TContext>(builder);
        else builder.Services.AddHostedService<SqliteWriterRelease<TContext>>();

        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
            StartupMigrations.Add<TContext>(builder.Services);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"{name}-db", sp => new DatabaseHealthCheck<TContext>(sp), HealthStatus.Unhealthy, ["ready", name]));
        return location;
    }

    // This method and the next stand apart, never inlined, so that a host on SQLite never loads the PostgreSQL provider's
    // assemblies (1 MB resident).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnrichForPostgreSql<TContext>(IHostApplicationBuilder builder) where TContext : DbContext =>
        // Aspire's client integration adds Npgsql's spans (one per command, under the request or event that ran it) and
        // metrics to our own registration. Its retries and health check stay off: ours are set above and below.
        builder.EnrichNpgsqlDbContext<TContext>(settings =>
        {
            settings.DisableRetry = true;
            settings.DisableHealthChecks = true;
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder options, DatabaseLocation location) =>
        AppendingBatchExecutor.Use(options.UseNpgsql(location.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(5, TimeSpan.FromSeconds(2), null)));

    private static DbContextOptionsBuilder UseModel(DbContextOptionsBuilder options, Microsoft.EntityFrameworkCore.Metadata.IModel? compiled) =>
        compiled is null ? options : options.UseModel(compiled);

    /// <summary>
    /// The provider and its settings, at run time and at design time alike: the provider's own migrations
    /// (<see cref="ProviderMigrationsAssembly"/>), retries on PostgreSQL, SQLite's own busy timeout and
    /// this process's writers queued in turn (<see cref="SqliteWriteGate"/>).
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, DatabaseLocation location)
    {
        if (location.Provider == DatabaseProvider.PostgreSql) UsePostgreSql(options, location);
        else
        {
            SqliteStatementJournal.Apply();
            SqliteGroupCommit.Use(SqliteServiceConnection.Use(
                options.UseSqlite(location.ConnectionString).AddInterceptors(new SqliteBusyTimeout(), new SqliteWriteGate())));
        }
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }
}
