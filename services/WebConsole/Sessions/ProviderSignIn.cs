using System.Security.Claims;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ducha.WebConsole.Sessions;

/// <summary>The console as a client of the province's identity provider (<c>Identity:Console</c>).</summary>
public sealed class ConsoleClientOptions
{
    public const string SectionName = "Identity:Console";

    /// <summary>The client id the provider registered for the console.</summary>
    public string ClientId { get; set; } = "ducha-console";
    /// <summary>Its secret: the console is a confidential client, the code is redeemed on the server.</summary>
    public string? ClientSecret { get; set; }
}

/// <summary>
/// Sign-in through the province's identity provider when <c>Identity:Authority</c> is set: OpenID Connect code flow with
/// PKCE, the code redeemed on the server, and the tokens (access and refresh) kept in the session's server-side ticket
/// like the development sign-in's. The session's claims are read from the access token exactly as the services read it
/// (<see cref="ProviderClaims"/>), so the pages show whom the services will see.
/// </summary>
public static class ProviderSignIn
{
    public const string Scheme = "province";
    public const string StartPath = "/signin/province";

    public static bool IsConfigured(IServiceProvider services) => services.GetService<ProviderMetadata>() is not null;

    public static IServiceCollection AddProviderSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var client = configuration.GetSection(ConsoleClientOptions.SectionName).Get<ConsoleClientOptions>() ?? new ConsoleClientOptions();
        services.AddSingleton(client);
        services.AddSingleton<SessionTokenRefresh>();
        services.AddAuthentication().AddOpenIdConnect(Scheme, oidc =>
        {
            oidc.SignInScheme = ConsoleSessions.Scheme;
            oidc.ClientId = client.ClientId;
            oidc.ClientSecret = client.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            // The code comes back on a plain redirect, so the correlation and nonce cookies can stay SameSite=Lax.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("offline_access");
            oidc.SaveTokens = true;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.CallbackPath = "/signin-oidc";
            // Its cookies' and nonces' lifetimes are wall-clock security, never the business clock (which tests move).
            oidc.TimeProvider = TimeProvider.System;
            oidc.Events.OnTokenValidated = SessionFromAccessToken;
            oidc.Events.OnRemoteFailure = context =>
            {
                // Back to the sign-in page, which says the provider refused, rather than an error page.
                context.Response.Redirect(ConsoleSessions.SignInPath + "?failed=1");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        // The same metadata (discovery and keys) the bearer scheme reads, fetched once for both.
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<ProviderMetadata>((oidc, metadata) => oidc.ConfigurationManager = metadata);
        return services;
    }

    /// <summary><c>GET /signin/province?returnUrl=/…</c>: off to the provider's login, and back to that page of the console.</summary>
    public static IEndpointRouteBuilder MapProviderSignIn(this IEndpointRouteBuilder endpoints)
    {
        if (!IsConfigured(endpoints.ServiceProvider)) return endpoints;
        endpoints.MapGet(StartPath, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = ConsoleSignIn.LocalOrHome(returnUrl) }, [Scheme]))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// The session speaks for whom the access token speaks for; the ID token only proves the sign-in. A person the
    /// services would refuse (no jurisdiction, an unknown role) gets no session.
    /// </summary>
    private static Task SessionFromAccessToken(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        if (context.TokenEndpointResponse?.AccessToken is not { } accessToken)
        {
            context.Fail("The provider answered no access token.");
            return Task.CompletedTask;
        }
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IdentityOptions>();
        var token = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var identity = ProviderClaims.ToDucha(new ClaimsPrincipal(new ClaimsIdentity(token.Claims)), options.Claims,
            services.GetRequiredService<JurisdictionTree>(), ConsoleSessions.Scheme);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, ConsoleSessions.Scheme, ConsoleSignIn.NameClaim, DuchaClaims.Role));
        if (ClaimsActor.From(principal) is null)
        {
            context.Fail("The provider's token speaks for no one Ducha knows.");
            return Task.CompletedTask;
        }
        // The tokens are saved in the ticket after this (SaveTokens), expires_at among them, which the session checks
        // before each page and refreshes (SessionTokenRefresh).
        context.Principal = principal;
        return Task.CompletedTask;
    }
}
