using Ducha.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Ducha.WebConsole.Sessions;

/// <summary>
/// A person's session in the console: a cookie that names a server-side ticket, never the token itself. The ticket (the
/// person's claims and the token the services accept) lives in the console's database (<see cref="Data.SessionTicketStore"/>),
/// so the browser holds only an opaque, HTTP-only key, the token cannot be read by script or lifted from the browser, and
/// every replica serves every session.
/// </summary>
public static class ConsoleSessions
{
    public const string Scheme = "ducha-console";
    public const string Policy = "ducha-console";
    public const string CookieName = "ducha.console";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IServiceCollection AddConsoleSessions(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.AddSingleton<IAccessTokenSource, SessionAccessTokenSource>();
        if (environment.IsDevelopment()) services.AddSingleton<ISignInTokenSource, DevelopmentSignInTokenSource>();
        // Where people sign in at the province's identity provider; in Development beside the development page.
        if (configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() is { UsesProvider: true }) services.AddProviderSignIn(configuration);
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
            cookie.Events.OnValidatePrincipal = RejectExpiredTokenAsync;
            // Session and token lifetimes are wall-clock security, never the business clock (which tests move).
            cookie.TimeProvider = TimeProvider.System;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<ITicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => ClaimsActor.From(context.User) is not null));
        services.AddAntiforgery();
        return services;
    }

    /// <summary>
    /// A session whose token has expired would only meet refusals from every service: its token is renewed when the
    /// provider gave a refresh token (<see cref="SessionTokenRefresh"/>), else the person signs in again.
    /// </summary>
    private static async Task RejectExpiredTokenAsync(CookieValidatePrincipalContext context)
    {
        var expires = context.Properties.GetTokenValue(SessionAccessTokenSource.ExpiresAt);
        var valid = expires is not null && DateTimeOffset.TryParse(expires, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var at) && at > DateTimeOffset.UtcNow + SessionTokenRefresh.Margin;
        if (valid) return;
        if (context.Principal is { } person && context.HttpContext.RequestServices.GetService<SessionTokenRefresh>() is { } refresh
            && await refresh.TryRefreshAsync(person, context.Properties, context.HttpContext.RequestAborted))
        {
            // Stores the ticket with its new tokens under the same key.
            context.ShouldRenew = true;
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    /// <summary><c>POST /signout</c> with the form's anti-forgery token: ends the session and forgets its ticket.</summary>
    public static IEndpointRouteBuilder MapConsoleSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(Scheme);
            return Results.Redirect(SignInPath);
        })
        // The session's own person, so the form's token (bound to who rendered it) checks out; a stranger is sent to sign in.
        .RequireAuthorization(Policy).ExcludeFromDescription();
        return endpoints;
    }
}
