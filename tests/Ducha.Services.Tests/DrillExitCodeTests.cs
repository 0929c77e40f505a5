using System.Diagnostics;

namespace Ducha.Services.Tests;

/// <summary>
/// The drill's exit code tells a script whether it ran: 0 ran and held, 1 ran and something failed, 2 did not run. A
/// mistyped option once answered 1, as a failed invariant does.
/// </summary>
public sealed class DrillExitCodeTests
{
    [Theory]
    [InlineData("load --url http://127.0.0.1:8263 --callers abc", "--callers")]
    [InlineData("run --url http://127.0.0.1:8263 --days 0", "--days")]
    public async Task A_refused_option_exits_with_2_and_names_the_option(string arguments, string option)
    {
        var (code, error) = await DrillAsync(arguments);

        Assert.Equal(2, code);
        Assert.Contains(option + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_that_does_not_answer_exits_with_2_in_one_line()
    {
        var (code, error) = await DrillAsync($"run --url http://127.0.0.1:{FreePort.Next()} --days 1 --per-day 1");

        Assert.Equal(2, code);
        Assert.StartsWith("无法连接被测部署", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int Code, string Error)> DrillAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "drill.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var drill = Process.Start(start)!;
        var output = drill.StandardOutput.ReadToEndAsync();
        var error = await drill.StandardError.ReadToEndAsync();
        await output;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await drill.WaitForExitAsync(timeout.Token);
        return (drill.ExitCode, error);
    }
}
