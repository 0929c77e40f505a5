using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ducha.Testing.Tests;

public sealed class ExternalProcessTests
{
    [Fact]
    public async Task Captures_output_and_exit_code()
    {
        var result = await ExternalProcess.RunAsync("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out", result.StandardOutput.Trim());
        Assert.Equal("err", result.StandardError.Trim());
    }

    [Fact]
    public async Task Passes_environment_and_working_directory()
    {
        var dir = Path.GetTempPath();
        var result = await ExternalProcess.RunAsync("/bin/sh", ["-c", "echo \"$DUCHA_X\"; pwd"], new()
        {
            Environment = new Dictionary<string, string> { ["DUCHA_X"] = "it works" },
            WorkingDirectory = dir,
        });

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("it works", lines[0]);
        Assert.Equal(Path.TrimEndingDirectorySeparator(dir), lines[1]);
    }

    [Fact]
    public async Task Checked_run_throws_with_stderr()
    {
        var error = await Assert.ThrowsAsync<ExternalProcessException>(
            () => ExternalProcess.RunCheckedAsync("/bin/sh", ["-c", "echo broken-thing >&2; exit 7"]));

        Assert.Contains("broken-thing", error.Message);
        Assert.Equal(7, error.Result!.ExitCode);
    }

    [Fact]
    public async Task Timeout_kills_the_process()
    {
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(
            () => ExternalProcess.RunAsync("/bin/sh", ["-c", "sleep 30"], new() { Timeout = TimeSpan.FromSeconds(1) }));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Missing_program_gives_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ExternalProcessException>(
            () => ExternalProcess.RunAsync("/nonexistent/ducha-program", []));
        Assert.Contains("/nonexistent/ducha-program", error.Message);
    }
}

public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_distinct_and_bindable()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
    }

    [Fact]
    public void A_listening_port_is_not_free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Assert.False(FreePort.IsFree(((IPEndPoint)listener.LocalEndpoint).Port));
    }
}
