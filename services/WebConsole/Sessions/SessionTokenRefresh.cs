using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ducha.WebConsole.Sessions;

/// <summary>
/// Renews a session's access token with its refresh token shortly before it expires, so a clerk working all day is not
/// sent to sign in every time the provider's short-lived token runs out. The new token must still speak for the same
/// person at the same place in the same role; if the provider now says otherwise, or refuses, the session ends.
/// Token lifetimes are wall-clock security, so the system clock counts here, never the business clock tests move.
/// </summary>
public sealed class SessionTokenRefresh(ProviderMetadata metadata, ConsoleClientOptions client, IdentityOptions options, JurisdictionTree tree,
    IHttpClientFactory http, ILogger<SessionTokenRefresh> logger)
{
    /// <summary>How long before its expiry a token is renewed: a page's calls must not outlive it.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task<bool> TryRefreshAsync(ClaimsPrincipal person, AuthenticationProperties session, CancellationToken cancel)
    {
        if (session.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken) return false;
        try
        {
            var configuration = await metadata.GetConfigurationAsync(cancel);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = client.ClientId,
                ["client_secret"] = client.ClientSecret ?? string.Empty,
            });
            using var response = await http.CreateClient(ProviderMetadata.HttpClientName).PostAsync(configuration.TokenEndpoint, form, cancel);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("The identity provider refused to renew a session's token ({Status}); the session ends", (int)response.StatusCode);
                return false;
            }
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
            var accessToken = body.RootElement.GetProperty("access_token").GetString()!;
            var renewed = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
            var now = ClaimsActor.From(new ClaimsPrincipal(ProviderClaims.ToDucha(new ClaimsPrincipal(new ClaimsIdentity(renewed.Claims)), options.Claims, tree, "renewed")));
            var before = ClaimsActor.From(person);
            if (now is null || before is null || now != before)
            {
                logger.LogInformation("A renewed token speaks for someone else than the session; the session ends");
                return false;
            }
            session.UpdateTokenValue("access_token", accessToken);
            if (body.RootElement.TryGetProperty("refresh_token", out var rotated) && rotated.GetString() is { Length: > 0 } next)
                session.UpdateTokenValue("refresh_token", next);
            var expiresIn = body.RootElement.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 0;
            var expiresAt = expiresIn > 0 ? DateTimeOffset.UtcNow.AddSeconds(expiresIn) : new DateTimeOffset(renewed.ValidTo, TimeSpan.Zero);
            session.UpdateTokenValue(SessionAccessTokenSource.ExpiresAt, expiresAt.ToString("o", CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(ex, "A session's token could not be renewed; the session ends");
            return false;
        }
    }
}
