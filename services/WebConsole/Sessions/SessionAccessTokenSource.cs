using Microsoft.AspNetCore.Authentication;

namespace Ducha.WebConsole.Sessions;

/// <summary>The token a call to a service carries for the person whose page is being rendered.</summary>
public interface IAccessTokenSource
{
    /// <summary>The signed-in person's token, or null when no one is signed in.</summary>
    Task<string?> GetAsync();
}

/// <summary>
/// Reads the token from the session's server-side ticket. Any sign-in that stores its token there under
/// <see cref="AccessToken"/> (the development page; an OpenID Connect handler saving its tokens) serves the same calls.
/// </summary>
public sealed class SessionAccessTokenSource(IHttpContextAccessor http) : IAccessTokenSource
{
    public const string AccessToken = "access_token";
    public const string ExpiresAt = "expires_at";

    public async Task<string?> GetAsync() =>
        http.HttpContext is { } context ? await context.GetTokenAsync(ConsoleSessions.Scheme, AccessToken) : null;
}
