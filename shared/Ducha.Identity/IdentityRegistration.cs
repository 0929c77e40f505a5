using Ducha.BuildingBlocks;
using Microsoft.AspNetCore.Mvc;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

public static class IdentityRegistration
{
    /// <summary>
    /// JWT bearer on every endpoint unless it says otherwise. A token must speak for someone (<see cref="ClaimsActor.From"/>):
    /// a missing or bad token is 401; a valid one with no jurisdiction, an unknown role, or a handler without a unit is 403.
    /// </summary>
    public static IHostApplicationBuilder AddDuchaIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var key = options.ResolveKey(builder.Environment.IsDevelopment());
        var credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);

        builder.Services.AddSingleton(options);
        // Token lifetimes are wall-clock security, checked by the bearer handler against the system clock, not the
        // business clock (which tests may move).
        builder.Services.AddSingleton(sp => new TokenIssuer(credentials, options, sp.GetRequiredService<JurisdictionTree>(), TimeProvider.System));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<JurisdictionGuard>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => ClaimsActor.From(context.User) is not null)
            .Build());
        return builder;
    }

    /// <summary>
    /// <c>GET /api/me</c>: the caller as this service sees them, so an integrating system can check its token.
    /// Like every business endpoint it needs a valid token.
    /// </summary>
    public static IEndpointRouteBuilder MapCallerEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", (HttpContext context) => ClaimsActor.From(context.User) is { } caller
            ? Results.Ok(new
            {
                subject = caller.Subject, jurisdictionCode = caller.JurisdictionCode, level = caller.Level, role = caller.Role.Name(), unit = caller.Unit,
                onBehalfOf = caller.OnBehalfOf,
                onBehalfOfRole = caller.OnBehalfOfRole?.Name(),
            })
            : Results.Forbid());
        return endpoints;
    }

    /// <summary>
    /// Development only: <c>POST /dev/tokens?jurisdiction=320505&amp;role=office</c> answers a signed token for local runs
    /// and tests. It does not exist in any other environment.
    /// </summary>
    public static IEndpointRouteBuilder MapDevelopmentTokenIssuer(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        app.MapPost("/dev/tokens", (string? jurisdiction, string? role, string? subject, string? unit, [FromQuery(Name = "on_behalf_of")] string? onBehalfOf,
            [FromQuery(Name = "on_behalf_of_role")] string? onBehalfOfRole,
            TokenIssuer issuer) =>
        {
            try
            {
                return Results.Ok(new { token = issuer.Issue(jurisdiction ?? string.Empty, role ?? "office", subject ?? "developer", unit: unit, onBehalfOf: onBehalfOf,
                    onBehalfOfRole: onBehalfOfRole) });
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>
                    {
                        ["field"] = ex.ParamName switch { "role" => "role", "unit" => "unit", "onBehalfOf" => "on_behalf_of", "onBehalfOfRole" => "on_behalf_of_role", _ => "jurisdiction" },
                    });
            }
        }).AllowAnonymous();
        return app;
    }
}
