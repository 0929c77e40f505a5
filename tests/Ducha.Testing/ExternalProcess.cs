using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ducha.Testing;

/// <summary>Runs external commands with a timeout, capturing their output.</summary>
public static class ExternalProcess
{
    private static readonly TimeSpan OutputGracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>True when this process runs with root privileges.</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && System.Environment.IsPrivilegedProcess;

    /// <summary>
    /// Runs a command to completion and returns its exit code and output. Throws
    /// <see cref="TimeoutException"/> (after killing the process tree) when it outlives
    /// <see cref="ExternalProcessOptions.Timeout"/>, and <see cref="ExternalProcessException"/>
    /// when it cannot be started at all.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        ExternalProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ExternalProcessOptions();
        var startInfo = CreateStartInfo(fileName, arguments, options);
        var commandLine = Describe(startInfo);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) stdoutClosed.TrySetResult();
            else lock (stdout) stdout.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) stderrClosed.TrySetResult();
            else lock (stderr) stderr.AppendLine(e.Data);
        };
        process.Exited += (_, _) => exited.TrySetResult();

        StartOrThrow(process, commandLine);
        try { process.StandardInput.Close(); } catch (IOException) { }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await exited.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TimeoutException(
                $"'{commandLine}' did not finish within {options.Timeout.TotalSeconds:0.#} s and was killed."
                + FormatOutput(Snapshot(stdout), Snapshot(stderr)));
        }

        // A grandchild that inherited our pipes could keep them open forever; do not wait for it.
        await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(OutputGracePeriod, CancellationToken.None))
            .ConfigureAwait(false);
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Snapshot(stdout), Snapshot(stderr));
    }

    /// <summary>Like <see cref="RunAsync"/>, but throws <see cref="ExternalProcessException"/>
    /// (with stderr in the message) on a non-zero exit code. Returns standard output.</summary>
    public static async Task<string> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        ExternalProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var args = arguments.ToArray();
        var result = await RunAsync(fileName, args, options, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var commandLine = Describe(fileName, args);
            throw new ExternalProcessException(
                $"'{commandLine}' failed with exit code {result.ExitCode}."
                + FormatOutput(result.StandardOutput, result.StandardError),
                commandLine,
                result);
        }

        return result.StandardOutput;
    }

    /// <summary>Starts a long-running command whose output is kept in a bounded buffer.</summary>
    public static BackgroundProcess Start(string fileName, IEnumerable<string> arguments, ExternalProcessOptions? options = null)
    {
        options ??= new ExternalProcessOptions();
        var startInfo = CreateStartInfo(fileName, arguments, options);
        return new BackgroundProcess(startInfo, Describe(startInfo), options.OnOutputLine);
    }

    /// <summary>Full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        foreach (var dir in new[] { "/usr/local/sbin", "/usr/sbin", "/sbin" })
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    internal static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, ExternalProcessOptions options)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.WorkingDirectory ?? string.Empty,
        };

        if (NeedsRunUser(options.RunAsUser))
        {
            // runuser resets HOME/USER/LOGNAME/SHELL; `env` puts back exactly what we want.
            startInfo.FileName = FindOnPath("runuser")
                ?? throw new ExternalProcessException("runuser (util-linux) is needed to run commands as another user.", fileName);
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(options.RunAsUser!);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add("env");
            if (options.Environment is not null && !options.Environment.ContainsKey("PATH"))
                startInfo.ArgumentList.Add("PATH=" + (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin"));
            foreach (var (key, value) in options.Environment ?? new Dictionary<string, string>())
                startInfo.ArgumentList.Add($"{key}={value}");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
            foreach (var (key, value) in options.Environment ?? new Dictionary<string, string>())
                startInfo.Environment[key] = value;
        }

        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    internal static bool NeedsRunUser(string? user) =>
        !string.IsNullOrEmpty(user) && IsRoot && user != "root";

    internal static void StartOrThrow(Process process, string commandLine)
    {
        try
        {
            if (!process.Start())
                throw new ExternalProcessException($"'{commandLine}' did not start.", commandLine);
        }
        catch (Win32Exception ex)
        {
            throw new ExternalProcessException($"Could not start '{commandLine}': {ex.Message}", commandLine, inner: ex);
        }
    }

    internal static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
        catch (NotSupportedException) { }
    }

    internal static string Describe(ProcessStartInfo startInfo) => Describe(startInfo.FileName, startInfo.ArgumentList);

    internal static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(QuoteForDisplay));

    internal static string FormatOutput(string stdout, string stderr)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(stderr)) text.Append("\n--- stderr ---\n").Append(Tail(stderr, 60));
        if (!string.IsNullOrWhiteSpace(stdout)) text.Append("\n--- stdout ---\n").Append(Tail(stdout, 60));
        return text.ToString();
    }

    internal static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>Quotes a string for POSIX sh.</summary>
    internal static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static string QuoteForDisplay(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./=:@,+%{}".Contains(c)) ? value : ShellQuote(value);

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder) return builder.ToString();
    }
}
