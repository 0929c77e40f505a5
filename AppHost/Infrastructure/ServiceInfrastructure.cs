using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// What a service is given, whichever way the infrastructure runs: the broker's connection string (<c>rabbitmq</c>),
/// its own database's (<c>{service}db</c>), and the resources to wait for before it starts. The console has a database
/// too (its sessions, key ring and claimed forms), and no broker.
/// </summary>
public sealed record ServiceInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Broker,
    IResourceBuilder<IResource> BrokerReady,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> Database,
    Func<string, IResourceBuilder<IResource>> DatabaseReady)
{
    public static readonly string[] Services = ["cases", "exposure", "assessment", "secondment", "disclosure"];

    /// <summary>Each service's database and the console's.</summary>
    public static readonly string[] Databases = [.. Services, "webconsole"];

    /// <summary>
    /// Eight processes (cases and the console twice each) of up to 16 connections each (<c>PostgresPool</c>): 128, past
    /// PostgreSQL's default of 100.
    /// </summary>
    public const string MaxConnections = "max_connections=200";
}

/// <summary>Aspire's RabbitMQ and PostgreSQL containers; what the manifest describes.</summary>
public static class ContainerInfrastructure
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var rabbit = builder.AddRabbitMQ("rabbitmq");
        var postgres = builder.AddPostgres("postgres").WithArgs("-c", ServiceInfrastructure.MaxConnections);
        var databases = DatabasesOf(postgres);
        return new ServiceInfrastructure(rabbit, rabbit, s => databases[s], s => databases[s]);
    }

    private static Dictionary<string, IResourceBuilder<PostgresDatabaseResource>> DatabasesOf(IResourceBuilder<PostgresServerResource> postgres) =>
        ServiceInfrastructure.Databases.ToDictionary(s => s, s => postgres.AddDatabase(s + "db", s));
}

/// <summary>The Debian packages' binaries as plain processes, data under <c>Infrastructure:DataDir</c>.</summary>
public static class LocalInfrastructure
{
    public const string DataDirSetting = "Infrastructure:DataDir";

    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        // Kept across runs by default, so cases filed today are still there tomorrow; a test passes a folder of its own.
        var data = builder.Configuration[DataDirSetting] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "ducha-apphost");
        Directory.CreateDirectory(data);
        // As root the servers run as the postgres and rabbitmq users, who must be able to pass through the folder to their
        // own sub-folders (a fresh temp folder is 0700); search permission only, its listing stays private.
        if (HostCommand.IsRoot && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(data, File.GetUnixFileMode(data) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        var (broker, brokerServer) = builder.AddLocalRabbitMq("rabbitmq", data);
        // Reset to this value at every start, so a regenerated password never locks the kept cluster.
        var password = builder.AddParameter("postgres-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true);
        var postgres = builder.AddLocalPostgres("postgres", data, password);
        var databases = ServiceInfrastructure.Databases.ToDictionary(s => s, s => postgres.AddDatabase(s + "db", s));
        return new ServiceInfrastructure(broker, brokerServer, s => databases[s], _ => postgres.Resource);
    }
}
