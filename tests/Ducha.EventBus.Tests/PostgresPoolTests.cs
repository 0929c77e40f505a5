using Ducha.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Ducha.EventBus.Tests;

public sealed class PostgresPoolTests
{
    [Fact]
    public void A_service_on_PostgreSQL_holds_at_most_the_default_bound_of_connections()
    {
        var location = DatabaseLocation.Resolve(Configuration("Host=db;Database=cases;Username=ducha"), "cases");

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(PostgresPool.DefaultMaxPoolSize, settings.MaxPoolSize);
        Assert.Equal("db", settings.Host);
        Assert.Equal("cases", settings.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=40")]
    [InlineData("Host=db;MaxPoolSize=40")]
    [InlineData("Host=db;maximum pool size=40")]
    public void A_bound_the_operator_set_in_the_connection_string_stands(string connectionString)
    {
        var location = DatabaseLocation.Resolve(Configuration(connectionString), "cases");

        Assert.Equal(40, new NpgsqlConnectionStringBuilder(location.ConnectionString).MaxPoolSize);
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:casesdb"] = connectionString }).Build();
}
