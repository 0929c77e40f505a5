using Testcontainers.PostgreSql;

namespace Ducha.Testing;

/// <summary>PostgreSQL in a container (Testcontainers), used when a Docker engine answers.</summary>
internal sealed class ContainerPostgres : IPostgresInstance
{
    private const int ContainerPort = 5432;
    private readonly PostgreSqlContainer _container;

    private ContainerPostgres(PostgreSqlContainer container) => _container = container;

    public TestServerBackend Backend => TestServerBackend.Docker;
    public string Host => _container.Hostname;
    public int Port => _container.GetMappedPublicPort(ContainerPort);
    public string AdminConnectionString => _container.GetConnectionString();
    public string? DataDirectory => null;

    public static async Task<ContainerPostgres> StartAsync(CancellationToken ct)
    {
        var image = TestServerEnvironment.EnvOrNull("DUCHA_POSTGRES_IMAGE") ?? "postgres:15-alpine";
        var container = new PostgreSqlBuilder(image)
            .WithUsername("postgres")
            .WithPassword(LocalPostgres.Password)
            .WithDatabase("postgres")
            .Build();
        try
        {
            await container.StartAsync(ct).ConfigureAwait(false);
            return new ContainerPostgres(container);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string logs;
            try
            {
                var (stdout, stderr) = await container.GetLogsAsync(ct: CancellationToken.None).ConfigureAwait(false);
                logs = ExternalProcess.Tail(stdout + "\n" + stderr, 60);
            }
            catch (Exception)
            {
                logs = "(no logs)";
            }

            await container.DisposeAsync().ConfigureAwait(false);
            throw new TestServerException($"PostgreSQL container ({image}) did not start: {ex.Message}\n--- container log ---\n{logs}", ex);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
