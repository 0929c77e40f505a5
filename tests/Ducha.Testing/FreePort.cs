using System.Net;
using System.Net.Sockets;

namespace Ducha.Testing;

/// <summary>
/// Hands out TCP ports that are free on 127.0.0.1 right now. Ports are drawn at random from below the
/// kernel's ephemeral range (so outgoing connections do not grab them in the meantime) and a port is never
/// handed out twice by the same process. Another process can still take a port between the check and
/// the server's bind, so the servers retry start-up with fresh ports when they hit "address in use".
/// </summary>
public static class FreePort
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lazy<(int Low, int High)> Range = new(ComputeRange);

    /// <summary>A port that is free on 127.0.0.1 and that this process has not handed out before.</summary>
    public static int Next()
    {
        var (low, high) = Range.Value;
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (HandedOut.Contains(port) || !IsFree(port)) continue;
                HandedOut.Add(port);
                return port;
            }

            // Extremely crowded machine: let the kernel choose.
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (HandedOut.Add(port)) return port;
            }
        }

        throw new InvalidOperationException("Could not find a free TCP port on 127.0.0.1.");
    }

    /// <summary>True when nothing listens on (or is bound to) 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(1);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int Low, int High) ComputeRange()
    {
        var ephemeralLow = 32768;
        var ephemeralHigh = 60999;
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], out var low) && int.TryParse(parts[1], out var high))
                (ephemeralLow, ephemeralHigh) = (low, high);
        }
        catch (Exception)
        {
            // Not Linux, or /proc not mounted: keep the defaults.
        }

        if (ephemeralLow - 20000 >= 2000) return (20000, ephemeralLow);
        if (65000 - ephemeralHigh >= 2000) return (ephemeralHigh + 1, 65000);
        return (10000, 65000);
    }
}
