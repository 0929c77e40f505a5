using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Ducha.Cases.Open311;

/// <summary>Marks the Open311 routes, so authentication answers them in Open311's format.</summary>
internal sealed class Open311Endpoint
{
    public static readonly Open311Endpoint Marker = new();

    public static bool Serves(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Open311Endpoint>() is not null;
}

/// <summary>
/// The Ducha bearer token, as every endpoint takes it, with two Open311 courtesies on the Open311 routes only: the
/// token may come as <c>api_key</c> in the POST body, where GeoReport v2 clients put it, and a refusal is an Open311
/// error array rather than the bearer handler's empty 401/403. Other routes keep the handler's behaviour untouched.
/// </summary>
internal static class Open311Authentication
{
    public const string ApiKey = "api_key";

    public static IServiceCollection AddOpen311Authentication(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var events = jwt.Events ??= new JwtBearerEvents();
            var messageReceived = events.OnMessageReceived;
            var challenge = events.OnChallenge;
            var forbidden = events.OnForbidden;

            events.OnMessageReceived = async context =>
            {
                await messageReceived(context);
                if (context.Token is null && Open311Endpoint.Serves(context.HttpContext))
                    context.Token = await ApiKeyInBodyAsync(context.Request);
            };
            events.OnChallenge = async context =>
            {
                if (!Open311Endpoint.Serves(context.HttpContext))
                {
                    await challenge(context);
                    return;
                }
                context.HandleResponse();
                var invalid = context.AuthenticateFailure is not null;
                context.Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
                await Open311Errors.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, Unauthenticated(context.Request, invalid));
            };
            events.OnForbidden = async context =>
            {
                await forbidden(context);
                if (Open311Endpoint.Serves(context.HttpContext) && !context.Response.HasStarted)
                    await Open311Errors.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "the token names no Ducha jurisdiction");
            };
        });

    /// <summary>Only from a form body: a key in the URL would be written to every access log and trace on its way.</summary>
    private static async Task<string?> ApiKeyInBodyAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || request.Headers.Authorization.Count > 0) return null;
        // Unreadable: no key, so a plain 401; the endpoint never runs to say more.
        var form = await Open311FormBody.TryReadAsync(request, request.HttpContext.RequestAborted);
        return form is not null && form[ApiKey] is [{ Length: > 0 } key] ? key : null;
    }

    private static string Unauthenticated(HttpRequest request, bool invalid) =>
        invalid ? "the token is not valid here (expired, or not issued for Ducha)"
        : request.Query.ContainsKey(ApiKey) ? $"{ApiKey} is read from the POST body only, never from the URL; send the token as Authorization: Bearer <token>"
        : $"a token is required: Authorization: Bearer <token>, or {ApiKey} in the POST body";
}
