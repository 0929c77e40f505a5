using System.Security.Claims;
using System.Text;
using Ducha.BuildingBlocks;
using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Services.Tests;

/// <summary>
/// A service remembers the tokens it found valid (<see cref="RememberingTokenHandler"/>), and a calling service sends one
/// token for a while rather than a new one per call: neither may ever take a token the full check would refuse.
/// </summary>
public sealed class RememberedTokenTests
{
    private static readonly SymmetricSecurityKey Key = NewKey("remembered-token-tests-key-one-0123456789");

    [Fact]
    public async Task A_token_checked_once_is_taken_again_and_each_caller_gets_its_own_claims()
    {
        var handler = new RememberingTokenHandler();
        var token = Token(Key, TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters(Key));
        first.ClaimsIdentity.AddClaim(new Claim("added-by-first-request", "x"));
        var second = await handler.ValidateTokenAsync(token, Parameters(Key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, handler.Count);
        Assert.Equal("320505", second.ClaimsIdentity.FindFirst(DuchaClaims.Jurisdiction)?.Value);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-first-request"));
        Assert.Same(Key, ((JsonWebToken)second.SecurityToken).SigningKey);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_has_expired()
    {
        var handler = new RememberingTokenHandler();
        var token = Token(Key, TimeSpan.FromSeconds(1));
        var expires = new JsonWebToken(token).ValidTo;

        var before = await handler.ValidateTokenAsync(token, Parameters(Key));
        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromMilliseconds(100));
        var after = await handler.ValidateTokenAsync(token, Parameters(Key));

        Assert.True(before.IsValid);
        Assert.False(after.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(after.Exception);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_key_issuer_or_audience_is_no_longer_taken()
    {
        var handler = new RememberingTokenHandler();
        var token = Token(Key, TimeSpan.FromMinutes(5));
        var rotated = NewKey("remembered-token-tests-key-two-9876543210");
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);

        var afterRotation = await handler.ValidateTokenAsync(token, Parameters(rotated));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        var otherIssuer = await handler.ValidateTokenAsync(token, Parameters(Key, issuer: "another-issuer"));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Key))).IsValid);
        var otherAudience = await handler.ValidateTokenAsync(token, Parameters(Key, audience: "another-audience"));

        Assert.False(afterRotation.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(afterRotation.Exception);
        Assert.False(otherIssuer.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(otherIssuer.Exception);
        Assert.False(otherAudience.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(otherAudience.Exception);
    }

    [Fact]
    public async Task Bad_tokens_are_never_remembered_and_valid_ones_only_up_to_the_capacity()
    {
        var handler = new RememberingTokenHandler();
        var token = Token(Key, TimeSpan.FromMinutes(5));
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var refused = new[] { await handler.ValidateTokenAsync(tampered, Parameters(Key)), await handler.ValidateTokenAsync(tampered, Parameters(Key)),
            await handler.ValidateTokenAsync("not.a.token", Parameters(Key)) };
        Assert.All(refused, r => Assert.False(r.IsValid));
        Assert.Equal(0, handler.Count);

        for (var i = 0; i < RememberingTokenHandler.Capacity + 50; i++)
            Assert.True((await handler.ValidateTokenAsync(Token(Key, TimeSpan.FromMinutes(5), subject: $"person-{i}"), Parameters(Key))).IsValid);
        Assert.Equal(RememberingTokenHandler.Capacity, handler.Count);
    }

    [Fact]
    public void A_service_sends_one_token_per_person_for_two_minutes_then_a_new_one()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var issuer = new TokenIssuer(new SigningCredentials(Key, SecurityAlgorithms.HmacSha256), new IdentityOptions(), JurisdictionTree.LoadEmbedded(), clock);
        var clerk = new Actor("clerk-1", Role.Office, "320505", "county");
        var otherClerk = clerk with { Subject = "clerk-2" };

        var first = issuer.IssueForService("webconsole", clerk);
        clock.Advance(TimeSpan.FromSeconds(90));
        var again = issuer.IssueForService("webconsole", clerk);
        var other = issuer.IssueForService("webconsole", otherClerk);
        var itself = issuer.IssueForServiceItself("webconsole", "320505");
        clock.Advance(TimeSpan.FromSeconds(31));
        var renewed = issuer.IssueForService("webconsole", clerk);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal("clerk-2", new JsonWebToken(other).GetClaim(DuchaClaims.OnBehalfOf).Value);
        Assert.NotEqual(first, itself);
        Assert.NotEqual(first, renewed);
        Assert.True(new JsonWebToken(renewed).ValidTo > new JsonWebToken(first).ValidTo);
    }

    private static SymmetricSecurityKey NewKey(string secret) => new(Encoding.UTF8.GetBytes(secret.PadRight(32, '-'))) { KeyId = secret };

    private static string Token(SecurityKey key, TimeSpan lifetime, string subject = "clerk-1") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "ducha", Audience = "ducha", Expires = DateTime.UtcNow + lifetime, NotBefore = DateTime.UtcNow.AddSeconds(-1),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim(DuchaClaims.Jurisdiction, "320505"), new Claim(DuchaClaims.Role, "office")]),
    });

    private static TokenValidationParameters Parameters(SecurityKey key, string issuer = "ducha", string audience = "ducha") => new()
    {
        ValidIssuers = [issuer], ValidAudience = audience, IssuerSigningKeys = [key], ClockSkew = TimeSpan.Zero,
    };
}
