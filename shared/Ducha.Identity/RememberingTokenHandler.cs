using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

/// <summary>
/// The bearer scheme's token check, remembering each token it found valid: a client sends the same token with every
/// call, and checking it in full again each time (parsing, the signature, the claims) was 5–8 % of a read's CPU with
/// the development key's HMAC, and an ECDSA or RSA signature costs several times that.
/// <para>
/// A remembered token is taken again only while the full check would still take it: before it expires (no clock skew
/// granted; past its expiry the full check decides), its issuer still valid, its audience still accepted, and the very
/// key that verified it still among the keys the request is checked against. A provider's key rotation drops the old
/// key from those, so a token it signed is checked in full again and refused. Only valid tokens are remembered, at most
/// <see cref="Capacity"/> at once, so a flood of bad tokens costs the full check each and fills nothing. Each caller
/// gets its own copy of the claims, so nothing one request does to its principal reaches another's.
/// </para>
/// </summary>
public sealed class RememberingTokenHandler : JsonWebTokenHandler
{
    public const int Capacity = 4096;
    // A longer token is checked in full each time rather than kept: no token Ducha or a provider issues comes near it.
    private const int MaxRememberedLength = 8192;

    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);
    private int _count;
    private long _nextSweep;

    // The clock the full check reads (the system's): a token is taken again only while that check would take it.
    private readonly TimeProvider _time = TimeProvider.System;

    public RememberingTokenHandler() => MapInboundClaims = false;

    /// <summary>How many valid tokens are remembered now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether <paramref name="token"/> is remembered now (it was found valid and has not been forgotten).</summary>
    public bool Remembers(string token) => _valid.ContainsKey(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (token is not null && _valid.TryGetValue(token, out var known))
        {
            if (known.TakesAgain(validationParameters, now)) return known.Result();
            Forget(token);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken checkedToken && token is { Length: <= MaxRememberedLength }
            && Remembered.Of(checkedToken, result, validationParameters) is { } remembered)
            Remember(token, remembered, now);
        return result;
    }

    private void Remember(string token, Remembered remembered, DateTime now)
    {
        if (Count >= Capacity) ForgetExpired(now);
        if (Count >= Capacity || !_valid.TryAdd(token, remembered)) return;
        Interlocked.Increment(ref _count);
    }

    /// <summary>At most once a second: with every place taken by live tokens, each new one would otherwise scan them all.</summary>
    private void ForgetExpired(DateTime now)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now.Ticks < next || Interlocked.CompareExchange(ref _nextSweep, now.Ticks + TimeSpan.TicksPerSecond, next) != next) return;
        foreach (var (token, remembered) in _valid)
            if (remembered.Expires <= now) Forget(token);
    }

    private void Forget(string token)
    {
        if (_valid.TryRemove(token, out _)) Interlocked.Decrement(ref _count);
    }

    private sealed record Remembered(JsonWebToken Token, ClaimsIdentity Claims, SecurityKey Key, string Issuer, DateTime Expires, string? TokenType)
    {
        /// <summary>What a valid token's check found, when its parameters are ones this class can judge again.</summary>
        public static Remembered? Of(JsonWebToken token, TokenValidationResult result, TokenValidationParameters parameters) =>
            Judgeable(parameters) && token.SigningKey is { } key && token.ValidTo != DateTime.MinValue && result.ClaimsIdentity is { } claims
                ? new Remembered(token, claims.Clone(), key, token.Issuer, token.ValidTo, result.TokenType)
                : null;

        public bool TakesAgain(TokenValidationParameters parameters, DateTime now) =>
            now < Expires && Judgeable(parameters) && IsOneOf(Key, parameters) && IsOneOf(Issuer, parameters.ValidIssuer, parameters.ValidIssuers)
            && Token.Audiences.Any(audience => IsOneOf(audience, parameters.ValidAudience, parameters.ValidAudiences));

        public TokenValidationResult Result() => new()
        {
            IsValid = true, SecurityToken = Token, ClaimsIdentity = Claims.Clone(), Issuer = Issuer, TokenType = TokenType,
        };

        // Custom checks could judge differently at the next call; such parameters are checked in full every time.
        private static bool Judgeable(TokenValidationParameters parameters) =>
            parameters is { ValidateLifetime: true, ValidateIssuer: true, ValidateAudience: true, RequireSignedTokens: true, RequireExpirationTime: true }
            && parameters.LifetimeValidator is null && parameters.IssuerValidator is null && parameters.AudienceValidator is null
            && parameters.SignatureValidator is null && parameters.IssuerSigningKeyResolver is null && parameters.TokenReader is null
            && parameters.TransformBeforeSignatureValidation is null && parameters.TokenReplayValidator is null && parameters.TokenReplayCache is null
            && parameters.TypeValidator is null && parameters.AlgorithmValidator is null;

        // By reference: a provider's refreshed keys are new objects, so a rotated-out key never matches.
        private static bool IsOneOf(SecurityKey key, TokenValidationParameters parameters) =>
            ReferenceEquals(key, parameters.IssuerSigningKey) || (parameters.IssuerSigningKeys?.Any(k => ReferenceEquals(k, key)) ?? false);

        private static bool IsOneOf(string value, string? valid, IEnumerable<string>? valids) =>
            string.Equals(value, valid, StringComparison.Ordinal) || (valids?.Contains(value, StringComparer.Ordinal) ?? false);
    }
}
