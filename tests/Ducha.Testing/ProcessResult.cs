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

    /// <summary>
    /// Called with every line a background process prints (stdout and stderr), for counts that must survive the
    /// bounded output buffer; called on the reader's thread, so it must be quick and thread-safe.
    /// </summary>
    public Action<string>? OnOutputLine { get; init; }
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
