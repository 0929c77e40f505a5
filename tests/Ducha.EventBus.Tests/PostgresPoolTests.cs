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

    [Fact]
    public void A_service_on_PostgreSQL_keeps_its_statements_prepared_and_its_connections_unreset()
    {
        var location = DatabaseLocation.Resolve(Configuration("Host=db;Database=cases;Username=ducha"), "cases");

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(PostgresPool.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void Statement_settings_the_operator_set_stand()
    {
        var location = DatabaseLocation.Resolve(Configuration("Host=db;Max Auto Prepare=0;No Reset On Close=false;Auto Prepare Min Usages=5"), "cases");

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(5, settings.AutoPrepareMinUsages);
        Assert.False(settings.NoResetOnClose);
        Assert.Equal(PostgresPool.DefaultMaxPoolSize, settings.MaxPoolSize);
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:casesdb"] = connectionString }).Build();
}
