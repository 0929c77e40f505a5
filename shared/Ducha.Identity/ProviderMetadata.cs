using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ducha.Identity;

/// <summary>
/// The provider's discovery document and signing keys (JWKS), read when first needed and again every
/// <see cref="AutomaticRefresh"/>, or sooner when a token names a key not yet known (<see cref="RequestRefresh"/>): that is
/// how a provider's new key is taken without restarting. Unlike the stock manager, a requested refresh is done before the
/// next answer, so the token that named the new key is checked against it at once; requests are held to one per
/// <see cref="MinimumRefresh"/>, so tokens with made-up key ids cannot make every request fetch. While the provider cannot
/// be reached the last keys read stay in use.
/// </summary>
public sealed class ProviderMetadata(string metadataAddress, HttpClient http, bool requireHttps, TimeProvider time, ILogger logger)
    : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    public const string HttpClientName = "identity-provider";
    public static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private DateTimeOffset _refreshRequestedAt = DateTimeOffset.MinValue;
    private bool _stale;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } fresh && !_stale && time.GetUtcNow() < _readAt + AutomaticRefresh) return fresh;
        await _gate.WaitAsync(cancel);
        try
        {
            if (_current is { } current && !_stale && time.GetUtcNow() < _readAt + AutomaticRefresh) return current;
            try
            {
                _current = await OpenIdConnectConfigurationRetriever.GetAsync(metadataAddress,
                    new HttpDocumentRetriever(http) { RequireHttps = requireHttps }, cancel);
                _readAt = time.GetUtcNow();
                _stale = false;
                logger.LogInformation("Read the identity provider's metadata from {Address}: {Keys} signing keys", metadataAddress, _current.SigningKeys.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && _current is not null)
            {
                // Keep serving with the keys we have; try again after the minimum interval, not on every request.
                logger.LogWarning(ex, "The identity provider's metadata at {Address} could not be read; the keys read earlier stay in use", metadataAddress);
                _stale = false;
                _readAt = time.GetUtcNow() - AutomaticRefresh + MinimumRefresh;
            }
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>A token named a key we do not have: read the keys again before the next answer, at most once per <see cref="MinimumRefresh"/>.</summary>
    public void RequestRefresh()
    {
        var now = time.GetUtcNow();
        if (now < _refreshRequestedAt + MinimumRefresh) return;
        _refreshRequestedAt = now;
        _stale = true;
    }
}
