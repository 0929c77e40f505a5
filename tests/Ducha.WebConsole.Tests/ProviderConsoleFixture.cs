using System.Security.Cryptography;
using Ducha.Standalone;
using Ducha.Testing;
using Ducha.Testing.IdentityProvider;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ducha.WebConsole.Tests;

/// <summary>
/// The console as production runs it: the standalone host in the Production environment, people signing in at the
/// province's identity provider (the tests' stand-in, whose access tokens last just over a minute so a session has to
/// renew its token while a test watches), and one Chromium.
/// </summary>
public sealed class ProviderConsoleFixture : IAsyncLifetime
{
    /// <summary>Just over <c>SessionTokenRefresh.Margin</c>: a session renews its token a few seconds after signing in.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(65);

    private WebApplication _app = null!;
    private string _dataDir = null!;
    private ConsoleBrowser _browser = null!;

    public ProvinceIdentityProvider Provider { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public IBrowser Browser => _browser.Browser;
    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await ProvinceIdentityProvider.StartAsync(AccessTokenLifetime);
        Address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        _dataDir = Directory.CreateTempSubdirectory("ducha-console-provider-test-").FullName;
        using var serviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _app = StandaloneApp.Create(
        [
            $"--urls={Address}", $"--DUCHA_DATA_DIR={_dataDir}", "--Cases:DeadlineWatchInterval=1.00:00:00", "--environment=Production",
            .. Provider.ServiceSettings(), $"--Identity:ServiceSigningKey={serviceKey.ExportPkcs8PrivateKeyPem()}",
            $"--Cases:ReporterKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
        ], builder => builder.Services.AddSingleton<TimeProvider>(new FixedStartTimeProvider(ConsoleFixture.Now)));
        await _app.StartAsync();
        Channel = GrpcChannel.ForAddress(Address);
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public Task<IPage> NewPageAsync() => _browser.NewPageAsync(Address, 1366, 768);

    /// <summary>gRPC as <paramref name="person"/>, with a token from the provider, to set up what the pages should show.</summary>
    public async Task<CallInvoker> AsAsync(ProvincePerson person)
    {
        var token = await Provider.IssueAsync(person);
        return Channel.Intercept(metadata => { metadata.Add("Authorization", "Bearer " + token); return metadata; });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ProviderConsoleCollection : ICollectionFixture<ProviderConsoleFixture>
{
    public const string Name = "console-provider";
}
