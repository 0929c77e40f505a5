using System.Security.Cryptography;
using Ducha.Testing.IdentityProvider;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Ducha.Services.Tests;

/// <summary>
/// The standalone host as production runs it with the province's identity provider: the Production environment,
/// <c>Identity__Authority</c> pointing at the stand-in provider with its own claim names, a service key of its own
/// for the services' calls to each other, and no shared signing secret at all.
/// </summary>
public sealed class ProviderIdentityFixture : IAsyncLifetime
{
    private StandaloneTestHost _host = null!;

    public ProvinceIdentityProvider Provider { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// The private key of an exposure service running elsewhere, whose public half this host is configured to trust
    /// (<c>Identity__ServiceKeys__exposure</c>), as a distributed deployment sets it.
    /// </summary>
    public string ExposureServiceKey { get; } = ExportedKey();

    private static string ExportedKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public async Task InitializeAsync()
    {
        Provider = await ProvinceIdentityProvider.StartAsync();
        using var serviceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _host = await StandaloneTestHost.StartAsync(StandaloneFixture.Now,
        [
            "--environment=Production", .. Provider.ServiceSettings(),
            $"--Identity:ServiceSigningKey={serviceKey.ExportPkcs8PrivateKeyPem()}",
            $"--Identity:ServiceKeys:exposure={PublicHalf(ExposureServiceKey)}",
            $"--Cases:ReporterKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            "--EventBus:OutboxPollInterval=00:00:00.200",
        ]);
        Channel = GrpcChannel.ForAddress(_host.Address);
        Http = new HttpClient { BaseAddress = _host.Address };
    }

    private static string PublicHalf(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Calls carrying <paramref name="token"/>.</summary>
    public CallInvoker With(string token) => Channel.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; });

    /// <summary>Calls as <paramref name="person"/>, with a token the provider's token endpoint issued.</summary>
    public async Task<CallInvoker> AsAsync(ProvincePerson person) => With(await Provider.IssueAsync(person));

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _host.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProviderIdentityCollection : ICollectionFixture<ProviderIdentityFixture>
{
    public const string Name = "provider-identity";
}
