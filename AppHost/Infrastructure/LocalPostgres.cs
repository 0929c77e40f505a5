using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL from the Debian package <c>postgresql-15</c>, as an Aspire executable. The cluster is made once by
/// <c>initdb</c> in <c>{data}/postgres</c> (trust only on its private Unix socket folder) and kept across runs;
/// <c>postgres</c> listens on 127.0.0.1 at the port Aspire allocates. Each start sets the superuser's password to the
/// <c>postgres-password</c> parameter and creates the missing databases over the socket, then the resource is healthy.
/// </summary>
public static class LocalPostgres
{
    public sealed record Server(IResourceBuilder<ExecutableResource> Resource, Func<string, string, IResourceBuilder<IResourceWithConnectionString>> AddDatabase);

    public static Server AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, string dataRoot,
        IResourceBuilder<ParameterResource> password)
    {
        var bin = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL's binaries are missing (/usr/lib/postgresql/<version>/bin): install the Debian package postgresql-15, or run with a container engine.");
        var dir = Path.Combine(dataRoot, "postgres");
        var data = Path.Combine(dir, "data");
        var socket = Path.Combine(dir, "socket");
        var user = HostCommand.ServiceUser("postgres");
        if (HostCommand.IsRoot && user is null)
            throw new InvalidOperationException("PostgreSQL refuses to run as root, and there is no 'postgres' user to run it as: install postgresql-15.");

        // postgres treats SIGTERM as a "smart" shutdown that waits for every client to leave; Aspire stops resources with
        // SIGTERM, so the wrapper turns it into SIGINT (fast shutdown: clients are disconnected, the cluster stays clean).
        const string FastShutdown = """
            "$@" & pid=$!
            trap 'kill -INT "$pid" 2>/dev/null' TERM INT
            status=0
            while kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
            exit $status
            """;
        var (command, args) = HostCommand.As(user, "sh", ["-c", FastShutdown, "postgres", Path.Combine(bin, "postgres"),
            "-D", data, "-k", socket, "-c", "listen_addresses=127.0.0.1", "-c", "logging_collector=off",
            "-c", ServiceInfrastructure.MaxConnections]);

        var databases = new List<string>();
        var executable = builder.AddExecutable(name, command, dir, [.. args])
            .WithEndpoint(name: "tcp", scheme: "tcp")
            .WithEnvironment("LC_ALL", "C")
            .ExcludeFromManifest();
        var tcp = executable.GetEndpoint("tcp");
        executable.WithArgs(context =>
        {
            context.Args.Add("-p");
            context.Args.Add(tcp.Property(EndpointProperty.TargetPort));
        });

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(executable.Resource, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(executable.Resource);
            Directory.CreateDirectory(socket);
            if (File.Exists(Path.Combine(data, "PG_VERSION"))) return;
            logger.LogInitdb(data);
            await HostCommand.ChownAsync(dir, user, ct);
            await HostCommand.RunAsync(user, Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"],
                new Dictionary<string, string> { ["LC_ALL"] = "C" }, TimeSpan.FromMinutes(2), ct);
        });

        var check = name + "-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(check,
            sp => new ReadyCheck(tcp, socket, password.Resource, databases,
                sp.GetRequiredService<ResourceLoggerService>().GetLogger(executable.Resource)), HealthStatus.Unhealthy, tags: null));
        executable.WithHealthCheck(check);

        return new Server(executable, (resourceName, database) =>
        {
            databases.Add(database);
            return builder.AddConnectionString(resourceName, ReferenceExpression.Create(
                $"Host={tcp.Property(EndpointProperty.Host)};Port={tcp.Property(EndpointProperty.Port)};Database={database};Username=postgres;Password={password}"));
        });
    }

    /// <summary>The PostgreSQL bin folder: 15 when installed, else the newest.</summary>
    public static string? FindBinDir()
    {
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => Path.GetFileName(d) == "15" ? int.MaxValue : int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")));
    }

    /// <summary>
    /// First over the Unix socket (trusted): the password and the databases. Then, and on every later probe, a query over
    /// TCP with the password, as the services will connect.
    /// </summary>
    private sealed class ReadyCheck(EndpointReference tcp, string socket, ParameterResource password, IReadOnlyList<string> databases,
        ILogger logger) : IHealthCheck
    {
        private volatile bool _prepared;
        private string? _lastFailure;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var secret = await password.GetValueAsync(cancellationToken) ?? "";
                if (!_prepared)
                {
                    await PrepareAsync(secret, cancellationToken);
                    _prepared = true;
                }
                var builder = new NpgsqlConnectionStringBuilder
                {
                    Host = tcp.Host, Port = tcp.Port, Username = "postgres", Password = secret, Database = "postgres", Pooling = false, Timeout = 5,
                };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                _lastFailure = null;
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Once per distinct reason, in the resource's own log: the probe runs every few seconds.
                if (_lastFailure != ex.Message) logger.LogNotReady(ex.Message);
                _lastFailure = ex.Message;
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        }

        private int SocketPort() =>
            new DirectoryInfo(socket).GetFiles(".s.PGSQL.*").Where(f => f.Extension != ".lock").OrderByDescending(f => f.LastWriteTimeUtc)
                .Select(f => int.Parse(f.Extension.TrimStart('.'), CultureInfo.InvariantCulture)).FirstOrDefault() is var port and > 0
                ? port
                : throw new InvalidOperationException("postgres has not opened its socket yet");

        private async Task PrepareAsync(string secret, CancellationToken cancellationToken)
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                // The socket file carries the port postgres listens on, which only DCP knows (the endpoint's target port is a
                // template it fills in); the folder is private to this cluster, so its newest socket is the running server's.
                Host = socket, Port = SocketPort(),
                Username = "postgres", Database = "postgres", Pooling = false, Timeout = 5,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // ALTER ROLE takes no bind parameters: the literal is quoted by doubling its single quotes.
            await using (var alter = new NpgsqlCommand($"ALTER ROLE postgres PASSWORD '{secret.Replace("'", "''", StringComparison.Ordinal)}'", connection))
                await alter.ExecuteNonQueryAsync(cancellationToken);
            foreach (var database in databases)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
                if (await exists.ExecuteScalarAsync(cancellationToken) is not null) continue;
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}

internal static partial class LocalPostgresLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "initdb: creating the cluster in {Folder}")]
    public static partial void LogInitdb(this ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "not ready yet: {Reason}")]
    public static partial void LogNotReady(this ILogger logger, string reason);
}
