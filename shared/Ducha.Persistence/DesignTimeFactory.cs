using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ducha.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a service's context without starting the service, on the provider named after
/// <c>--</c>: <c>dotnet ef migrations add &lt;Name&gt; -- --provider sqlite|postgres</c>. EF Core looks for a factory only
/// in the context's own assembly, so each service closes this one in a line next to its context.
/// </summary>
public abstract class ServiceDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var location = ProviderArgument(args) switch
        {
            DatabaseProvider.Sqlite => new DatabaseLocation(DatabaseProvider.Sqlite, "Data Source=design-time.db"),
            DatabaseProvider.PostgreSql => new DatabaseLocation(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time"),
            _ => throw new ArgumentException(
                $"Name the provider whose migrations {typeof(TContext).Name} is for, after '--': dotnet ef <command> … -- --provider sqlite|postgres"
                + (args.Length > 0 ? $" (given: {string.Join(' ', args)})" : "")),
        };
        var options = new DbContextOptionsBuilder<TContext>().UseServiceDatabase(location).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    private static DatabaseProvider? ProviderArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--provider=", StringComparison.Ordinal))
                return DatabaseProviders.Parse(args[i]["--provider=".Length..]);
            if (args[i] == "--provider" && i + 1 < args.Length)
                return DatabaseProviders.Parse(args[i + 1]);
        }
        return null;
    }
}
