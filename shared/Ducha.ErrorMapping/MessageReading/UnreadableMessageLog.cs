using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ducha.ErrorMapping.MessageReading;

public sealed class UnreadableMessageLogOptions
{
    public const string SectionName = "Grpc:UnreadableMessages";

    /// <summary>How often the count of unreadable messages per client is written; the first one of a client is written at once.</summary>
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Refuses an unreadable gRPC request message and says so in the log without letting a broken or hostile client fill
/// it: the first unreadable message from a client is a warning of its own (method, message type, reason, no stack trace:
/// the fault is the client's, and the stack would be grpc-dotnet's and protobuf's, the same every time); the ones after
/// it are counted, and every <see cref="UnreadableMessageLogOptions.LogInterval"/> one warning per client gives the
/// count and the last reason. A client that stops sending them is forgotten after a quiet interval, so its next one is
/// written at once again. Clients are told apart by remote address; past <see cref="MaxClients"/> at once, the rest
/// share one line.
/// </summary>
public sealed class UnreadableMessageLog(ILogger<UnreadableMessageLog> logger, IHttpContextAccessor http,
    IOptions<UnreadableMessageLogOptions> options, TimeProvider time) : BackgroundService
{
    public const int MaxClients = 1000;
    private const string OtherClients = "other clients";

    private readonly ConcurrentDictionary<string, Tally> _clients = new();

    private sealed class Tally
    {
        public long Count;
        public string? LastMethod, LastReason;
    }

    /// <summary>The status the caller gets, after counting the call against its client.</summary>
    internal RpcException Refuse(string method, string messageName, Exception reason)
    {
        var detail = $"the request message could not be read as {messageName}: {reason.Message}";
        Record(ClientOf(http.HttpContext), method, detail);
        return new RpcException(new Status(StatusCode.InvalidArgument, detail));
    }

    private void Record(string client, string method, string detail)
    {
        if (!_clients.ContainsKey(client) && _clients.Count >= MaxClients) client = OtherClients;
        var added = false;
        var tally = _clients.GetOrAdd(client, _ =>
        {
            added = true;
            return new Tally();
        });
        if (added)
        {
            logger.LogWarning("Unreadable gRPC request from {Client} to {Method}, answered InvalidArgument: {Reason}. Further ones from this client are counted and written every {Interval}.",
                client, method, detail, options.Value.LogInterval);
            return;
        }
        lock (tally)
        {
            tally.Count++;
            (tally.LastMethod, tally.LastReason) = (method, detail);
        }
    }

    /// <summary>One line per client with unreadable messages since the last flush; clients without any are forgotten.</summary>
    internal void Flush()
    {
        foreach (var (client, tally) in _clients)
        {
            long count;
            string? method, reason;
            lock (tally)
            {
                (count, method, reason) = (tally.Count, tally.LastMethod, tally.LastReason);
                tally.Count = 0;
            }
            if (count == 0)
            {
                // Quiet for a whole interval: forget it. One arriving in between is counted in a fresh tally.
                _clients.TryRemove(new KeyValuePair<string, Tally>(client, tally));
                continue;
            }
            logger.LogWarning("{Count} more unreadable gRPC requests from {Client} in the last {Interval}, answered InvalidArgument; the last to {Method}: {Reason}",
                count, client, options.Value.LogInterval, method, reason);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LogInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Flush();
    }

    private static string ClientOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";
}
