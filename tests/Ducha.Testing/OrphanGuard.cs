namespace Ducha.Testing;

/// <summary>
/// Last-resort cleanup when the test process dies without disposing a server (test host killed, crash,
/// blame-hang timeout): a tiny <c>sh</c> child blocks reading its stdin, whose write end only this
/// process holds. A normal dispose writes "disarm" and the shell exits doing nothing; if this process
/// dies, the kernel closes the pipe, <c>read</c> sees end-of-file and the shell kills every process whose
/// command line mentions the server's unique temporary folder (the server itself, and the runuser
/// wrapper whose <c>env</c> arguments name it), then deletes that folder.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private readonly BackgroundProcess _shell;
    private int _disarmed;

    private OrphanGuard(BackgroundProcess shell) => _shell = shell;

    /// <summary>Starts a guard for <paramref name="folder"/>; returns null when it cannot be started.</summary>
    /// <param name="folder">The server's unique temporary folder (appears in the server's command line).</param>
    public static OrphanGuard? Start(string folder)
    {
        // The folder reaches the script through the environment, not the script text, so that
        // `pkill -f FOLDER` does not match this shell itself.
        const string script = """
            IFS= read -r line
            [ "$line" = disarm ] && exit 0
            case "$DUCHA_GUARD_DIR" in /*/ducha-*) ;; *) exit 0 ;; esac
            pkill -KILL -f -- "$DUCHA_GUARD_DIR" 2>/dev/null
            sleep 1
            pkill -KILL -f -- "$DUCHA_GUARD_DIR" 2>/dev/null
            rm -rf -- "$DUCHA_GUARD_DIR"
            """;
        try
        {
            var shell = ExternalProcess.Start("/bin/sh", ["-c", script], new ExternalProcessOptions
            {
                Environment = new Dictionary<string, string>
                {
                    ["DUCHA_GUARD_DIR"] = folder,
                },
            });
            return new OrphanGuard(shell);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Tells the guard that cleanup happened normally, and waits for it to exit.</summary>
    public async Task DisarmAsync()
    {
        if (Interlocked.Exchange(ref _disarmed, 1) != 0) return;
        try
        {
            await _shell.StandardInput.WriteLineAsync("disarm").ConfigureAwait(false);
            await _shell.StandardInput.FlushAsync().ConfigureAwait(false);
            _shell.StandardInput.Close();
            if (!await _shell.WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false)) _shell.KillTree();
        }
        catch (Exception)
        {
            _shell.KillTree();
        }
        finally
        {
            _shell.Dispose();
        }
    }

    public void Dispose() => DisarmAsync().GetAwaiter().GetResult();
}
