using System.Globalization;
using System.Security.Claims;
using Ducha.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ducha.WebConsole.Sessions;

/// <summary>Who signs in: where they sit, as office or as staff of a unit there, and the name pages show.</summary>
public sealed record SignInChoice(string JurisdictionCode, string Role, string? Unit, string DisplayName);

/// <summary>
/// Where a sign-in gets the token the services will accept. Development issues one with the development key; production
/// sign-in (the province's identity provider) is another source, and the session keeps either the same way.
/// </summary>
public interface ISignInTokenSource
{
    /// <summary>A token for <paramref name="choice"/>; <see cref="ArgumentException"/> naming the parameter when it cannot be.</summary>
    string Issue(SignInChoice choice);
}

/// <summary>The development issuer, exactly as <c>POST /dev/tokens</c> uses it; registered in Development only.</summary>
public sealed class DevelopmentSignInTokenSource(TokenIssuer issuer) : ISignInTokenSource
{
    public string Issue(SignInChoice choice) =>
        issuer.Issue(choice.JurisdictionCode, choice.Role, choice.DisplayName, unit: choice.Role == "handler" ? choice.Unit : null);
}

/// <summary>Starts a session from a token: the token's own claims become the session's, the token stays in the ticket.</summary>
public static class ConsoleSignIn
{
    public const string NameClaim = "name";

    public static async Task SignInAsync(HttpContext http, string token, string displayName)
    {
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
        var claims = jwt.Claims.Where(c => c.Type is "sub" or DuchaClaims.Jurisdiction or DuchaClaims.Level or DuchaClaims.Role or DuchaClaims.Unit)
            .Select(c => new Claim(c.Type, c.Value)).Append(new Claim(NameClaim, displayName));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleSessions.Scheme, NameClaim, DuchaClaims.Role));
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expires };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = SessionAccessTokenSource.AccessToken, Value = token },
            new AuthenticationToken { Name = SessionAccessTokenSource.ExpiresAt, Value = expires.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        await http.SignInAsync(ConsoleSessions.Scheme, principal, properties);
    }

    /// <summary>Only a path of this site: a return address pointing elsewhere would make sign-in an open redirect.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
