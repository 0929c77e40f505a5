using Npgsql;
using Xunit.Abstractions;

namespace Ducha.Testing.Tests;

public sealed class PostgresServerTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private PostgresServer Server => fixture.Server;

    [Fact]
    public async Task Two_databases_each_keep_their_own_rows()
    {
        output.WriteLine($"{Server} started in {Server.StartupDuration.TotalSeconds:0.0} s");
        var first = await Server.CreateDatabaseAsync();
        var second = await Server.CreateDatabaseAsync();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await WriteAsync(first, "apple");
        await WriteAsync(second, "pear");

        Assert.Equal(["apple"], await ReadAsync(first));
        Assert.Equal(["pear"], await ReadAsync(second));
    }

    [Fact]
    public async Task Connection_string_has_the_expected_shape()
    {
        var connectionString = await Server.CreateDatabaseAsync("named_db_" + Guid.NewGuid().ToString("N")[..8]);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        Assert.Equal(Server.Port, builder.Port);
        Assert.Equal("postgres", builder.Username);
        Assert.False(string.IsNullOrEmpty(builder.Password));
        Assert.StartsWith("named_db_", builder.Database);
        if (Server.Backend == TestServerBackend.LocalProcess) Assert.Equal("127.0.0.1", builder.Host);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal(builder.Database, (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Wrong_password_is_rejected()
    {
        var builder = new NpgsqlConnectionStringBuilder(await Server.CreateDatabaseAsync()) { Password = "wrong", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("28P01", error.SqlState); // invalid_password
    }

    [Theory]
    [InlineData("1starts_with_digit")]
    [InlineData("has-dash")]
    [InlineData("quote\"injection")]
    [InlineData("")]
    public async Task Unusable_database_names_are_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Server.CreateDatabaseAsync(name));
    }

    [Fact]
    public async Task A_second_server_runs_side_by_side_and_is_cleaned_up_on_dispose()
    {
        var server = await PostgresServer.StartAsync();
        var folder = server.DataDirectory;
        output.WriteLine($"second {server} started in {server.StartupDuration.TotalSeconds:0.0} s");
        try
        {
            Assert.NotEqual(Server.Port, server.Port);
            var connectionString = await server.CreateDatabaseAsync();
            await WriteAsync(connectionString, "plum");
            Assert.Equal(["plum"], await ReadAsync(connectionString));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(await RabbitMqServerTests.IsListeningAsync(server.Port));
        if (folder is not null) Assert.False(Directory.Exists(folder), $"{folder} should have been deleted");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.CreateDatabaseAsync());
    }

    private static async Task WriteAsync(string connectionString, string fruit)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE fruit (id serial PRIMARY KEY, name text NOT NULL)", connection))
            await create.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand("INSERT INTO fruit (name) VALUES (@name)", connection);
        insert.Parameters.AddWithValue("name", fruit);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    private static async Task<List<string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM fruit ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
