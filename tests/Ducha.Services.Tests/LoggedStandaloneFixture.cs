using Ducha.Testing;
using Ducha.Identity;
using Ducha.Standalone;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ducha.Services.Tests;

/// <summary>
/// A standalone host of its own whose log the tests read, for what an operator would see in the console: what is
/// written, at which level, with or without a stack trace, and how often. Its clock stands at 2 December 2026, in the
/// working-day calendar's last 60 days, so the calendar health check is Degraded as it is on a real server then.
/// </summary>
public sealed class LoggedStandaloneFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Shorter than the default minute, so a test sees the count written.</summary>
    public static readonly TimeSpan UnreadableLogInterval = TimeSpan.FromSeconds(3);

    private StandaloneTestHost _host = null!;

    public FakeLogCollector Log { get; } = new();
    public GrpcChannel Channel { get; private set; } = null!;
    public TokenIssuer Tokens => _host.Services.GetRequiredService<TokenIssuer>();

    public async Task InitializeAsync()
    {
        _host = await StandaloneTestHost.StartAsync(Now, [$"--Grpc:UnreadableMessages:LogInterval={UnreadableLogInterval}"],
            builder => builder.Logging.AddProvider(new FakeLoggerProvider(Log)));
        Channel = GrpcChannel.ForAddress(_host.Address);
    }

    /// <summary>Calls with a valid token, so a refusal is about the message and not about who sends it.</summary>
    public CallOptions WithToken() => new(new Metadata { { "Authorization", "Bearer " + Tokens.Issue("320500", "office", "test-logged") } });

    /// <summary>What was written while <paramref name="action"/> ran (records of other moments left out).</summary>
    public async Task<IReadOnlyList<FakeLogRecord>> LoggedDuringAsync(Func<Task> action)
    {
        var before = Log.GetSnapshot().Count;
        await action();
        // Give the background a moment: a log line is written after the call has answered.
        await Task.Delay(200);
        return Log.GetSnapshot().Skip(before).ToList();
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await _host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LoggedStandaloneCollection : ICollectionFixture<LoggedStandaloneFixture>
{
    public const string Name = "logged standalone";
}
