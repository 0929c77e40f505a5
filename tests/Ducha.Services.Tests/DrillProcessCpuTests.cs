using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ducha.Drill.Chaos;
using Ducha.Drill.Load;

namespace Ducha.Services.Tests;

/// <summary>
/// How drill load reads what a step cost the processes under test: the host found by the port it listens on, and the CPU
/// of a process and everything it started counted under that process's name.
/// </summary>
public sealed class DrillProcessCpuTests
{
    [Fact]
    public void The_host_is_found_by_the_port_it_listens_on_and_only_on_this_machine()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal(Environment.ProcessId, ListeningProcess.Find(new Uri($"http://localhost:{port}/")));
        Assert.Equal(Environment.ProcessId, ListeningProcess.Find(new Uri($"http://127.0.0.1:{port}/")));
        Assert.Null(ListeningProcess.Find(new Uri($"http://cases.example:{port}/")));
        listener.Stop();
        Assert.Null(ListeningProcess.Find(new Uri($"http://127.0.0.1:{port}/")));
    }

    [Fact]
    public async Task A_step_counts_the_cpu_of_everything_a_named_process_started_under_its_name()
    {
        // The root only waits; its grandchild does the work, as postgres does under the AppHost's start script.
        using var root = Process.Start(new ProcessStartInfo("sh", ["-c", "(sh -c 'while :; do :; done') & wait"]))!;
        try
        {
            await Ducha.Testing.Eventually.UntilAsync(() => Task.FromResult(ProcessTree.Descendants(root.Id).Count), n => n >= 1, TimeSpan.FromSeconds(10));
            var cpu = new ProcessCpu([("busy", root.Id)]);
            Assert.Equal(["busy", ProcessCpu.Drill], cpu.Names);

            var before = cpu.Take();
            var elapsed = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var perCall = ProcessCpu.PerCall(before, cpu.Take(), calls: 10);
            elapsed.Stop();

            // One spinning thread gets some of a core even on a crowded machine, and never more than the time that passed.
            Assert.InRange(perCall["busy"] * 10, 20, elapsed.Elapsed.TotalMilliseconds + 20);
            Assert.True(perCall.ContainsKey(ProcessCpu.Drill));
        }
        finally
        {
            ProcessTree.Kill(root.Id);
            await root.WaitForExitAsync();
        }
    }

    [Fact]
    public void A_process_replaced_between_the_samples_is_left_out_rather_than_counted_negative()
    {
        var before = new Dictionary<string, double> { ["cases"] = 5_000, ["postgres"] = 100 };
        var after = new Dictionary<string, double> { ["cases"] = 40, ["postgres"] = 300 };

        var perCall = ProcessCpu.PerCall(before, after, calls: 100);

        Assert.Equal(["postgres"], perCall.Keys);
        Assert.Equal(2, perCall["postgres"]);
        Assert.Empty(ProcessCpu.PerCall(before, after, calls: 0));
    }
}
