using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ducha.Testing;

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

    private readonly Action<string>? _onLine;

    internal BackgroundProcess(ProcessStartInfo startInfo, string commandLine, Action<string>? onLine = null)
    {
        _onLine = onLine;
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
        _onLine?.Invoke(line);
        _lines.Enqueue(line);
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _)) { }
    }
}
