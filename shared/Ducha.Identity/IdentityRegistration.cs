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
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Ducha.Identity;

public static class IdentityRegistration
{
    /// <summary>
    /// JWT bearer on every endpoint unless it says otherwise. A token must speak for someone (<see cref="ClaimsActor.From"/>):
    /// a missing or bad token is 401; a valid one with no jurisdiction, an unknown role, or a handler without a unit is 403.
    /// With <c>Identity:Authority</c> set, people's tokens are the province identity provider's, checked against the keys
    /// its discovery document publishes (<see cref="ProviderMetadata"/>) and read as Ducha callers (<see cref="ProviderClaims"/>).
    /// </summary>
    public static IHostApplicationBuilder AddDuchaIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var isDevelopment = builder.Environment.IsDevelopment();
        var keys = ServiceSigningKeys.From(options, isDevelopment);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(keys);
        // Token lifetimes are wall-clock security, checked by the bearer handler against the system clock, not the
        // business clock (which tests may move).
        builder.Services.AddSingleton(sp => new TokenIssuer(keys.Signing, options, sp.GetRequiredService<JurisdictionTree>(), TimeProvider.System));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<JurisdictionGuard>();
        if (options.UsesProvider) builder.Services.AddProviderMetadata(options);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IServiceProvider>((jwt, services) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new RememberingTokenHandler());
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = [options.Issuer],
                ValidAudience = options.Audience,
                IssuerSigningKeys = keys.Trusted,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            var provider = options.UsesProvider ? services.GetRequiredService<ProviderMetadata>() : null;
            // The provider's issuer and keys join Ducha's own on each request, from the metadata read last.
            jwt.ConfigurationManager = provider;
            jwt.RefreshOnIssuerKeyNotFound = true;
            jwt.Events ??= new JwtBearerEvents();
            new BearerTokenChecks(options, keys, isDevelopment, provider).Attach(jwt.Events);
        });
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => ClaimsActor.From(context.User) is not null)
            .Build());
        return builder;
    }

    /// <summary>The provider's metadata, read through an HTTP client of the factory (resilience, telemetry) and shared by
    /// every reader of it in the process: the bearer scheme and the console's sign-in.</summary>
    private static void AddProviderMetadata(this IServiceCollection services, IdentityOptions options)
    {
        var authority = new Uri(options.Authority!.TrimEnd('/') + "/", UriKind.Absolute);
        var requireHttps = !authority.IsLoopback;
        if (requireHttps && authority.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException($"Identity:Authority must be an https address (it is {authority}); only this machine's provider may be plain http.");
        services.AddHttpClient(ProviderMetadata.HttpClientName);
        services.AddSingleton(sp => new ProviderMetadata(new Uri(authority, ".well-known/openid-configuration").ToString(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ProviderMetadata.HttpClientName), requireHttps, TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<ProviderMetadata>()));
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
