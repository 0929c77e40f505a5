using Xunit;

namespace Ducha.Testing;

/// <summary>
/// xunit class/collection fixture owning one <see cref="RabbitMqServer"/>:
/// <c>public class MyTests(RabbitMqFixture rabbit) : IClassFixture&lt;RabbitMqFixture&gt;</c>.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private RabbitMqServer? _server;

    public RabbitMqServer Server =>
        _server ?? throw new InvalidOperationException("RabbitMqFixture is not initialised (xunit calls InitializeAsync before the tests).");

    public async Task InitializeAsync() => _server = await RabbitMqServer.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>
/// xunit class/collection fixture owning one <see cref="PostgresServer"/>; tests create their own
/// databases with <see cref="PostgresServer.CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("PostgresFixture is not initialised (xunit calls InitializeAsync before the tests).");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }
}
