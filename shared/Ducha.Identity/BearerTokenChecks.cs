using System.Security.Claims;
using Ducha.BuildingBlocks;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// What the bearer handler's signature, lifetime and audience checks leave to us. One scheme takes both kinds of
/// token, so a key must also fit the issuer it signed for: Ducha's own keys sign only Ducha's tokens (and a service's key
/// only that service's), the provider's keys only the provider's. A provider token is then read as a Ducha caller
/// (<see cref="ProviderClaims"/>). A token naming a key the provider has just published is checked again against the
/// provider's keys read afresh, so a key rotation needs no restart and costs no refusal.
/// </summary>
internal sealed class BearerTokenChecks(IdentityOptions options, ServiceSigningKeys keys, bool isDevelopment, ProviderMetadata? provider)
{
    public void Attach(JwtBearerEvents events)
    {
        events.OnTokenValidated = TokenValidatedAsync;
        events.OnAuthenticationFailed = AuthenticationFailedAsync;
    }

    private Task TokenValidatedAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token || context.Principal is null)
        {
            context.Fail("The token is no JSON web token.");
            return Task.CompletedTask;
        }
        var tree = context.HttpContext.RequestServices.GetRequiredService<JurisdictionTree>();
        if (Check(token, context.Principal, tree, context.Scheme.Name) is { } principal) context.Principal = principal;
        else context.Fail("The token's key does not sign for its issuer or subject.");
        return Task.CompletedTask;
    }

    /// <summary>The caller the token speaks for, or null when its key may not sign what it says.</summary>
    private ClaimsPrincipal? Check(JsonWebToken token, ClaimsPrincipal principal, JurisdictionTree tree, string scheme)
    {
        if (token.Issuer == options.Issuer)
        {
            if (!keys.IsTrusted(token.SigningKey)) return null;
            var role = principal.FindFirst(DuchaClaims.Role)?.Value;
            // Where people sign in at the provider, Ducha's own keys sign services' calls and nothing else.
            if (options.UsesProvider && !isDevelopment && role != Role.Service.Name()) return null;
            if (keys.OwnerOf(token.SigningKey) is { } owner && (role != Role.Service.Name() || principal.FindFirst("sub")?.Value != owner)) return null;
            return principal;
        }
        if (provider is null || keys.IsTrusted(token.SigningKey)) return null;
        return new ClaimsPrincipal(ProviderClaims.ToDucha(principal, options.Claims, tree, scheme));
    }

    private async Task AuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<BearerTokenChecks>();
        if (context.Exception is not SecurityTokenException and not AggregateException)
        {
            // The provider could not be asked for its keys (down, unreachable): the caller is not authenticated, and the
            // service is not broken, so 401 rather than an error the handler would rethrow.
            logger.LogWarning(context.Exception, "A bearer token could not be checked");
            context.Fail(context.Exception);
            return;
        }
        if (provider is null || !NamesUnknownKey(context.Exception)) return;
        var raw = BearerToken(context.HttpContext.Request.Headers.Authorization.ToString()) ?? await OtherTokenAsync(context);
        if (raw is null) return;
        try
        {
            provider.RequestRefresh();
            var fresh = await provider.GetConfigurationAsync(context.HttpContext.RequestAborted);
            var parameters = context.Options.TokenValidationParameters.Clone();
            parameters.ValidIssuers = [options.Issuer, fresh.Issuer];
            parameters.IssuerSigningKeys = [.. keys.Trusted, .. fresh.SigningKeys];
            var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(raw, parameters);
            if (!result.IsValid || result.SecurityToken is not JsonWebToken token) return;
            var tree = context.HttpContext.RequestServices.GetRequiredService<JurisdictionTree>();
            if (Check(token, new ClaimsPrincipal(result.ClaimsIdentity), tree, context.Scheme.Name) is not { } principal) return;
            logger.LogInformation("Took a token signed with the identity provider's new key {KeyId}", token.Kid);
            context.Principal = principal;
            context.Success();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The identity provider's keys could not be read again for a token naming an unknown key");
            context.Fail(ex);
        }
    }

    private static bool NamesUnknownKey(Exception exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => true,
        AggregateException many => many.InnerExceptions.Any(NamesUnknownKey),
        _ => false,
    };

    private static string? BearerToken(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    /// <summary>A token the request carried elsewhere (Open311's api_key), found again by the message-received event.</summary>
    private static async Task<string?> OtherTokenAsync(AuthenticationFailedContext context)
    {
        var received = new MessageReceivedContext(context.HttpContext, context.Scheme, context.Options);
        await context.Options.Events.MessageReceived(received);
        return received.Token;
    }
}
