using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Ducha.AppHost.Infrastructure;

/// <summary>Where RabbitMQ and PostgreSQL come from: containers, or the Debian packages' binaries run as plain processes.</summary>
public enum InfrastructureMode { Containers, Local }

public static class InfrastructureModes
{
    public const string SettingName = "Infrastructure:Mode";

    /// <summary>
    /// <c>Infrastructure:Mode</c> = <c>containers</c> or <c>local</c> forces a mode; <c>auto</c> (default) takes containers
    /// when a container engine answers and the local binaries otherwise. Publishing always describes containers: the
    /// manifest is for a deployment target, not for this machine.
    /// </summary>
    public static InfrastructureMode Choose(IConfiguration configuration, bool isPublishMode)
    {
        if (isPublishMode) return InfrastructureMode.Containers;
        var setting = configuration[SettingName]?.Trim().ToLowerInvariant();
        return setting switch
        {
            "containers" => InfrastructureMode.Containers,
            "local" => InfrastructureMode.Local,
            null or "" or "auto" => ContainerEngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local,
            _ => throw new InvalidOperationException($"{SettingName} is '{setting}'; use auto, containers or local."),
        };
    }

    /// <summary>
    /// True when <c>docker info</c> or <c>podman info</c> succeeds: a client alone (docker installed, no daemon) is not an
    /// engine, and Aspire's container resources would never start on it.
    /// </summary>
    public static bool ContainerEngineAnswers() => Answers("docker") || Answers("podman");

    private static bool Answers(string client)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(client, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return false;
            // Drain both streams so a chatty client cannot block on a full pipe.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
