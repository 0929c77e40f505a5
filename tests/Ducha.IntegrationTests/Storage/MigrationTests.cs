using Ducha.Assessment.Data;
using Ducha.Cases.Data;
using Ducha.Disclosure.Data;
using Ducha.Exposure.Data;
using Ducha.Persistence;
using Ducha.Secondment.Data;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ducha.IntegrationTests.Storage;

/// <summary>
/// Every service's PostgreSQL history, picked from beside its SQLite one, applies at start-up to a real server. (The
/// standalone host tests do the same for SQLite.)
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_service_store_is_created_by_its_PostgreSQL_migrations_at_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        var databases = new Dictionary<string, string?>();
        foreach (var service in new[] { "cases", "exposure", "assessment", "secondment", "disclosure" })
            databases[$"ConnectionStrings:{service}db"] = await postgres.Server.CreateDatabaseAsync();
        builder.Configuration.AddInMemoryCollection(databases);
        builder.AddServiceDatabase<CasesDbContext>("cases");
        builder.AddServiceDatabase<ExposureDbContext>("exposure");
        builder.AddServiceDatabase<AssessmentDbContext>("assessment");
        builder.AddServiceDatabase<SecondmentDbContext>("secondment");
        builder.AddServiceDatabase<DisclosureDbContext>("disclosure");
        using var host = builder.Build();

        await host.StartAsync(); // runs the migrations
        await using var scope = host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var stores = new (ServiceDbContext Db, Func<Task<int>> CountRows)[]
        {
            (sp.GetRequiredService<CasesDbContext>(), () => sp.GetRequiredService<CasesDbContext>().Cases.CountAsync()),
            (sp.GetRequiredService<ExposureDbContext>(), () => sp.GetRequiredService<ExposureDbContext>().MediaOutlets.CountAsync()),
            (sp.GetRequiredService<AssessmentDbContext>(), () => sp.GetRequiredService<AssessmentDbContext>().AssessedCases.CountAsync()),
            (sp.GetRequiredService<SecondmentDbContext>(), () => sp.GetRequiredService<SecondmentDbContext>().Cadres.CountAsync()),
            (sp.GetRequiredService<DisclosureDbContext>(), () => sp.GetRequiredService<DisclosureDbContext>().Bulletins.CountAsync()),
        };
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        await host.StopAsync();

        foreach (var (db, countRows) in stores)
        {
            Assert.True(db.Database.IsNpgsql());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.EndsWith("_InitialCreate", db.Database.GetMigrations().First());
            Assert.Equal(0, await countRows());
        }
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Replicas_starting_together_on_a_fresh_database_migrate_it_once_and_all_start()
    {
        // Three rounds of three replicas: without one lock across all of a store's migrations, a replica took EF's lock
        // between another's first and second migration in about half of the starts of two.
        for (var round = 0; round < 3; round++)
        {
            var database = await postgres.Server.CreateDatabaseAsync();
            var hosts = Enumerable.Range(0, 3).Select(_ =>
            {
                var builder = Host.CreateApplicationBuilder();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:casesdb"] = database });
                builder.AddServiceDatabase<CasesDbContext>("cases");
                return builder.Build();
            }).ToList();
            try
            {
                await Task.WhenAll(hosts.Select(h => h.StartAsync()));

                await using var scope = hosts[0].Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                Assert.True(db.Database.GetMigrations().Count() > 1, "the race needs a store with more than one migration");
            }
            finally
            {
                foreach (var host in hosts)
                {
                    try { await host.StopAsync(); } catch (InvalidOperationException) { }
                    host.Dispose();
                }
            }
        }
    }
}
