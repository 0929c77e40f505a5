using System.Globalization;

namespace Ducha.Drill.Load;

/// <summary>
/// The process on this machine that listens on a TCP port, found through /proc: the socket's inode in
/// <c>/proc/net/tcp{,6}</c>, then the process holding that socket among its file descriptors. It lets the drill read the
/// CPU of a host it was only given the address of.
/// </summary>
public static class ListeningProcess
{
    private const string Listen = "0A";

    /// <summary>The listening process of <paramref name="address"/> if the address is this machine's and the process can be seen; otherwise null.</summary>
    public static int? Find(Uri address)
    {
        if (!ProcessCpu.Available || !IsThisMachine(address.Host)) return null;
        var inodes = ListeningInodes(address.Port);
        if (inodes.Count == 0) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)) return pid;
            }
            catch (IOException) { /* exited while listing */ }
            catch (UnauthorizedAccessException) { /* another user's process */ }
        }
        return null;
    }

    private static bool IsThisMachine(string host) =>
        host is "localhost" || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip);

    /// <summary>"socket:[inode]" of every socket listening on <paramref name="port"/>, IPv4 and IPv6.</summary>
    private static HashSet<string> ListeningInodes(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …"
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Listen && fields[1].EndsWith(hexPort, StringComparison.Ordinal)) inodes.Add($"socket:[{fields[9]}]");
            }
        }
        return inodes;
    }
}
