using Microsoft.Extensions.Configuration;

namespace Ducha.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Where a service keeps its data: PostgreSQL when <c>ConnectionStrings__{name}db</c> is set, otherwise a SQLite
/// file <c>{name}.db</c> under <c>DUCHA_DATA_DIR</c> (default: <c>./data</c>).
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseLocation Resolve(IConfiguration configuration, string serviceName)
    {
        var postgres = configuration.GetConnectionString($"{serviceName}db");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new DatabaseLocation(DatabaseProvider.PostgreSql, postgres);
        var folder = configuration["DUCHA_DATA_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(Environment.CurrentDirectory, "data");
        Directory.CreateDirectory(folder);
        var file = Path.GetFullPath(Path.Combine(folder, $"{serviceName}.db"));
        return new DatabaseLocation(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30;Pooling=True");
    }
}
