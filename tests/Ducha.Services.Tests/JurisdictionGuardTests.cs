using Ducha.BuildingBlocks;
using System.Security.Claims;
using Ducha.Reference.Jurisdictions;
using Ducha.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ducha.Services.Tests;

public sealed class JurisdictionGuardTests
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();

    private static (JurisdictionGuard Guard, FakeLogger<JurisdictionGuard> Log) GuardFor(string jurisdiction)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "王科长"),
            new Claim(DuchaClaims.Jurisdiction, jurisdiction),
            new Claim(DuchaClaims.Level, "county"),
            new Claim(DuchaClaims.Role, "office"),
        ], "test"));
        var log = new FakeLogger<JurisdictionGuard>();
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } };
        return (new JurisdictionGuard(accessor, Tree, log), log);
    }

    [Fact]
    public void A_refusal_is_logged_with_the_caller_and_the_target()
    {
        var (guard, log) = GuardFor("320505");

        Assert.Throws<PermissionDeniedException>(() => guard.EnsureWithin("320506", "GetCase"));

        var entry = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("GetCase", entry.Message);
        Assert.Contains("320506", entry.Message);
        Assert.Contains("王科长", entry.Message);
        Assert.Contains("320505", entry.Message);
    }

    [Fact]
    public void An_allowed_call_logs_nothing()
    {
        var (guard, log) = GuardFor("320500");

        guard.EnsureWithin("320505", "GetCase");

        Assert.Empty(log.Collector.GetSnapshot());
    }
}
