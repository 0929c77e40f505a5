using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// RabbitMQ from the Debian package <c>rabbitmq-server</c>, as an Aspire executable: its own node name, Erlang cookie,
/// configuration and data under <c>{data}/rabbitmq</c> (nothing read from /etc or /var/lib), AMQP on the port Aspire
/// allocates, loopback only, no plugins. Messages and queues survive a restart of the AppHost with the same data folder.
/// </summary>
public static class LocalRabbitMq
{
    public const string BinDir = "/usr/lib/rabbitmq/bin";

    public static (IResourceBuilder<IResourceWithConnectionString> ConnectionString, IResourceBuilder<ExecutableResource> Server)
        AddLocalRabbitMq(this IDistributedApplicationBuilder builder, string name, string dataRoot)
    {
        var server = Path.Combine(BinDir, "rabbitmq-server");
        if (!File.Exists(server))
            throw new InvalidOperationException($"{server} is missing: install the Debian package rabbitmq-server, or run with a container engine.");

        var dir = Path.Combine(dataRoot, "rabbitmq");
        var home = Path.Combine(dir, "home");
        var user = HostCommand.ServiceUser("rabbitmq");
        // One node per data folder, so two AppHosts (a developer's and a test's) never claim the same name in epmd.
        var node = "ducha-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dir)))[..10] + "@localhost";
        var (command, args) = HostCommand.As(user, "env", ["HOME=" + home, server]);

        var executable = builder.AddExecutable(name + "-server", command, dir, [.. args])
            // Erlang's distribution port defaults to the AMQP port + 20000, past 65535 for a high allocated port.
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePort().ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_NODENAME", node)
            .WithEnvironment("RABBITMQ_USE_LONGNAME", "false")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(dir, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(dir, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_CONFIG_FILES", Path.Combine(dir, "conf.d", "*.conf"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(dir, "advanced.config"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(dir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(dir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(dir, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(dir, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("ERL_CRASH_DUMP", Path.Combine(dir, "erl_crash.dump"))
            .WithEnvironment("LC_ALL", "C.UTF-8")
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .ExcludeFromManifest();

        var amqp = executable.GetEndpoint("amqp");
        var connectionString = builder.AddConnectionString(name,
            ReferenceExpression.Create($"amqp://guest:guest@{amqp.Property(EndpointProperty.Host)}:{amqp.Property(EndpointProperty.Port)}/"));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(executable.Resource, async (_, ct) =>
        {
            WriteFiles(dir, home);
            await HostCommand.ChownAsync(dir, user, ct);
        });

        var check = name + "-amqp";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(check,
            _ => new AmqpCheck(connectionString.Resource), HealthStatus.Unhealthy, tags: null));
        executable.WithHealthCheck(check);
        return (connectionString, executable);
    }

    private static void WriteFiles(string dir, string home)
    {
        Directory.CreateDirectory(home);
        foreach (var sub in new[] { "mnesia", "log", "conf.d" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        // Our own Erlang cookie: the node trusts only processes that read this folder.
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            File.WriteAllText(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(20)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }
        File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(dir, "rabbitmq-env.conf"), string.Empty); // instead of /etc/rabbitmq/rabbitmq-env.conf
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), string.Join('\n',
            // guest may only connect from loopback, and the listener is on loopback only.
            "loopback_users.guest = true",
            // A small temp file system must not raise the disk alarm, which blocks every publisher.
            "disk_free_limit.absolute = 50MB",
            "log.console = true",
            "log.console.level = info",
            "log.file = false",
            string.Empty));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Healthy once an AMQP connection opens: the port accepting TCP is not enough while the node boots.</summary>
    private sealed class AmqpCheck(IResourceWithConnectionString resource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var uri = await resource.GetConnectionStringAsync(cancellationToken)
                    ?? throw new InvalidOperationException("no connection string yet");
                var factory = new ConnectionFactory { Uri = new Uri(uri), RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                await connection.CloseAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        }
    }
}
