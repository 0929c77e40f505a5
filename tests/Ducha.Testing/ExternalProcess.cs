using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ducha.Testing;

/// <summary>Outcome of a finished external command.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>How to run an external command.</summary>
public sealed class ExternalProcessOptions
{
    /// <summary>Working directory of the command; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or overriding) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// When the current process is root and this names another user, the command runs as that user
    /// through <c>runuser -u USER -- env K=V... command</c>. Ignored when not root (the command then
    /// runs as the current user).
    /// </summary>
    public string? RunAsUser { get; init; }

    /// <summary>Kill the command (and its children) after this long. Default: one minute.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);
}

/// <summary>A command that could not be started, failed, or timed out.</summary>
public sealed class ExternalProcessException : Exception
{
    public ExternalProcessException(string message, string commandLine, ProcessResult? result = null, Exception? inner = null)
        : base(message, inner)
    {
        CommandLine = commandLine;
        Result = result;
    }

    public string CommandLine { get; }

    /// <summary>What the command printed and its exit code, when it ran at all.</summary>
    public ProcessResult? Result { get; }
}

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
        return new BackgroundProcess(startInfo, Describe(startInfo));
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

/// <summary>
/// A long-running child process (a server). Its output is kept in a bounded in-memory buffer so that
/// start-up failures can be reported with context.
/// </summary>
public sealed class BackgroundProcess : IDisposable
{
    private const int MaxLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal BackgroundProcess(ProcessStartInfo startInfo, string commandLine)
    {
        CommandLine = commandLine;
        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Exited += (_, _) => _exited.TrySetResult();
        ExternalProcess.StartOrThrow(_process, commandLine);
        Id = _process.Id;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string CommandLine { get; }

    /// <summary>OS process id of the started command (the runuser wrapper when one is used).</summary>
    public int Id { get; }

    public bool HasExited => _exited.Task.IsCompleted;

    public Task Exited => _exited.Task;

    public int? ExitCode => HasExited ? SafeExitCode() : null;

    /// <summary>Standard input of the process (kept open until disposed).</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    /// <summary>The last <paramref name="lines"/> lines the process printed (stdout and stderr interleaved).</summary>
    public string OutputTail(int lines = 80)
    {
        var all = _lines.ToArray();
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Kills the process and all its descendants.</summary>
    public void KillTree() => ExternalProcess.KillTree(_process);

    public void Dispose()
    {
        KillTree();
        try { _process.StandardInput.Dispose(); } catch (Exception) { }
        _process.Dispose();
    }

    private int? SafeExitCode()
    {
        try { return _process.ExitCode; }
        catch (InvalidOperationException) { return null; }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _)) { }
    }
}
