using Ducha.EventBus.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Ducha.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

public static class DatabaseProviders
{
    /// <summary>
    /// The folder under a service's <c>Data/Migrations</c>, and so the last part of the namespace, that holds the
    /// provider's migrations: <c>Sqlite</c> or <c>Postgres</c>.
    /// </summary>
    public static string MigrationsFolder(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Sqlite",
        DatabaseProvider.PostgreSql => "Postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The provider a context runs on.</summary>
    public static DatabaseProvider Of(DatabaseFacade database) =>
        database.IsSqlite() ? DatabaseProvider.Sqlite
        : database.IsPostgreSql() ? DatabaseProvider.PostgreSql
        : throw new NotSupportedException($"Ducha keeps migrations for SQLite and PostgreSQL only, not {database.ProviderName}.");

    /// <summary><c>sqlite</c> or <c>postgres</c> (also <c>postgresql</c>), as <c>dotnet ef … -- --provider</c> takes it.</summary>
    public static DatabaseProvider? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
        _ => null,
    };
}

/// <summary>
/// Where a service keeps its data: PostgreSQL when <c>ConnectionStrings__{name}db</c> is set, otherwise a SQLite
/// file <c>{name}.db</c> under <c>DUCHA_DATA_DIR</c> (default: <c>./data</c>). A PostgreSQL connection string gets the pool's defaults (<see cref="PostgresPool"/>).
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseLocation Resolve(IConfiguration configuration, string serviceName)
    {
        var postgres = configuration.GetConnectionString($"{serviceName}db");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new DatabaseLocation(DatabaseProvider.PostgreSql, PostgresPool.WithDefaults(postgres));
        var folder = configuration["DUCHA_DATA_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(Environment.CurrentDirectory, "data");
        Directory.CreateDirectory(folder);
        var file = Path.GetFullPath(Path.Combine(folder, $"{serviceName}.db"));
        return new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30;Pooling=True");
    }
}
