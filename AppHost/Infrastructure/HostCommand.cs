using System.Diagnostics;
using System.Text;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// Running the Debian packages' binaries from the AppHost. PostgreSQL refuses to run as root, and RabbitMQ's files
/// belong to its own user, so as root both run as their package's service user through <c>runuser</c>.
/// </summary>
public static class HostCommand
{
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>The package's service user when running as root and the user exists; otherwise null (run as ourselves).</summary>
    public static string? ServiceUser(string user) =>
        IsRoot && File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal))
            ? user
            : null;

    /// <summary>The command and arguments that run <paramref name="file"/> as <paramref name="user"/> (or directly when null).</summary>
    public static (string Command, List<string> Args) As(string? user, string file, IEnumerable<string> args) =>
        user is null
            ? (file, args.ToList())
            : ("runuser", ["-u", user, "--", file, .. args]);

    /// <summary>Runs a short command to its end; a non-zero exit throws with the command's output.</summary>
    public static async Task<string> RunAsync(string? user, string file, IEnumerable<string> args, IDictionary<string, string>? environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (command, arguments) = As(user, file, args);
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout.TotalSeconds:0} s.");
        }
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
        return output.ToString();
    }

    /// <summary>Gives <paramref name="path"/> (recursively) to <paramref name="user"/>; nothing to do when not root.</summary>
    public static Task ChownAsync(string path, string? user, CancellationToken cancellationToken) =>
        user is null
            ? Task.CompletedTask
            : RunAsync(null, "chown", ["-R", user + ":", path], null, TimeSpan.FromSeconds(60), cancellationToken);
}
