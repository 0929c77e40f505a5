using System.Security.Claims;
using System.Security.Cryptography;
using Ducha.Testing;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ducha.Testing.IdentityProvider;

/// <summary>A person as the province's directory knows them.</summary>
public sealed record ProvincePerson(string Subject, string Name, string JurisdictionCode, string Level, string Duty, string? Department = null);

/// <summary>
/// The province's identity provider as the tests stand it in: an OpenIddict server on a free loopback port, signing with
/// RSA keys it can rotate, publishing discovery and JWKS, and naming its claims its own way (<see cref="ClaimNames"/>)
/// so the services' mapping is exercised. Sign-in asks nothing: the authorization endpoint approves whoever
/// <see cref="SignsInAs"/> names. Tokens for API tests come from its token endpoint (the password grant, test-only).
/// </summary>
public sealed class ProvinceIdentityProvider : IAsyncDisposable
{
    /// <summary>The provider's claim names, as the services are configured to read them.</summary>
    public static class ClaimNames
    {
        public const string Jurisdiction = "org_code";
        public const string Level = "org_level";
        public const string Duty = "duty";
        public const string Department = "dept";
    }

    public const string Audience = "ducha";
    public const string ConsoleClientId = "ducha-console";
    public const string ConsoleClientSecret = "console-secret-for-tests";

    private readonly WebApplication _app;
    private SigningCredentials _signing;

    private ProvinceIdentityProvider(WebApplication app, Uri issuer, SigningCredentials signing)
    {
        _app = app;
        Issuer = issuer;
        _signing = signing;
    }

    public Uri Issuer { get; }

    /// <summary>Whom the next sign-in at the authorization endpoint is for.</summary>
    public ProvincePerson? SignsInAs { get; set; }

    /// <summary>Settings that point a Ducha process at this provider with its claim names, and the console as its client.</summary>
    public IEnumerable<string> ServiceSettings() =>
    [
        $"--Identity:Console:ClientId={ConsoleClientId}", $"--Identity:Console:ClientSecret={ConsoleClientSecret}",
        $"--Identity:Authority={Issuer}", $"--Identity:Audience={Audience}",
        $"--Identity:Claims:Jurisdiction={ClaimNames.Jurisdiction}", $"--Identity:Claims:Level={ClaimNames.Level}",
        $"--Identity:Claims:Role={ClaimNames.Duty}", $"--Identity:Claims:Unit={ClaimNames.Department}",
    ];

    /// <summary>How many times a refresh token was redeemed: a console session renewing its token.</summary>
    public int Refreshes => _refreshes;

    private int _refreshes;

    /// <param name="accessTokenLifetime">How long its access tokens last (an hour unless a test needs them to run out).</param>
    public static async Task<ProvinceIdentityProvider> StartAsync(TimeSpan? accessTokenLifetime = null)
    {
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var signing = NewSigningCredentials();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer);
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/logout");
            server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowPasswordFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
            server.SetAccessTokenLifetime(accessTokenLifetime ?? TimeSpan.FromHours(1));
            server.AddSigningCredentials(signing).AddEphemeralEncryptionKey();
            // Resource servers read access tokens with the published keys, as they would the province's.
            server.DisableAccessTokenEncryption();
            // No client or token database: a stand-in approves every client and keeps no state.
            server.EnableDegradedMode();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(_ => default));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(h => h.UseInlineHandler(_ => default));
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(h => h.UseInlineHandler(_ => default));
            server.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough();
        });
        var app = builder.Build();
        var provider = new ProvinceIdentityProvider(app, issuer, signing);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, IResult>)provider.Authorize);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)provider.TokenAsync);
        app.MapMethods("/connect/logout", ["GET", "POST"], () => Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return provider;
    }

    /// <summary>A token from the token endpoint for <paramref name="person"/>, as a client of the province would get it.</summary>
    public async Task<string> IssueAsync(ProvincePerson person)
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.Password, ["client_id"] = "ducha-tests", ["username"] = person.Subject, ["password"] = "-",
            ["scope"] = Scopes.OpenId, ["jurisdiction"] = person.JurisdictionCode, ["level"] = person.Level, ["duty"] = person.Duty,
            ["name"] = person.Name, ["dept"] = person.Department ?? string.Empty,
        });
        using var response = await http.PostAsync("connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A token the provider's endpoints would never issue (expired, for another audience), signed with its current key or
    /// with <paramref name="key"/>, to show how services refuse it.
    /// </summary>
    public string Forge(ProvincePerson person, DateTime? expires = null, string audience = Audience, SigningCredentials? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer.ToString(), Audience = audience, IssuedAt = DateTime.UtcNow.AddHours(-2), NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1), SigningCredentials = key ?? _signing, Subject = new ClaimsIdentity(ClaimsOf(person)),
        });

    /// <summary>
    /// Rolls the signing key over as a provider does: the new key is published beside the old one and signs every token
    /// from now on. The services have not seen it before the first token signed with it arrives.
    /// </summary>
    public string RotateSigningKey()
    {
        var next = NewSigningCredentials();
        var options = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        options.SigningCredentials.Insert(0, next);
        _signing = next;
        return next.Key.KeyId!;
    }

    public static SigningCredentials NewSigningCredentials() =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") }, SecurityAlgorithms.RsaSha256);

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var person = SignsInAs ?? throw new InvalidOperationException("The test named no one to sign in.");
        return SignIn(person, request.GetScopes());
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            var dept = (string?)request["dept"];
            return SignIn(new ProvincePerson(request.Username!, (string?)request["name"] ?? request.Username!, (string)request["jurisdiction"]!,
                (string)request["level"]!, (string)request["duty"]!, string.IsNullOrEmpty(dept) ? null : dept), request.GetScopes());
        }
        // A code or refresh token: the person it was issued for, signed in again with the claims as they were.
        if (request.IsRefreshTokenGrantType()) Interlocked.Increment(ref _refreshes);
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(result.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult SignIn(ProvincePerson person, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(ClaimsOf(person), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, ClaimNames.Duty);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes).SetAudiences(Audience).SetResources(Audience);
        foreach (var claim in identity.Claims) claim.SetDestinations(Destinations.AccessToken, Destinations.IdentityToken);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static Claim[] ClaimsOf(ProvincePerson person) =>
    [
        new(Claims.Subject, person.Subject), new(Claims.Name, person.Name), new(ClaimNames.Jurisdiction, person.JurisdictionCode),
        new(ClaimNames.Level, person.Level), new(ClaimNames.Duty, person.Duty),
        .. person.Department is null ? Array.Empty<Claim>() : [new Claim(ClaimNames.Department, person.Department)],
    ];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
