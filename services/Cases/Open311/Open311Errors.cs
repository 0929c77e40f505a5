namespace Ducha.Cases.Open311;

/// <summary>A refusal that is Open311's own (wrong format, wrong content type), with its HTTP status.</summary>
internal sealed class Open311Exception(int statusCode, string description) : Exception(description)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>GeoReport v2 errors: an array of {code, description}, code being the HTTP status; one entry per bad field.</summary>
internal static class Open311Errors
{
    public static IResult Result(int statusCode, params IEnumerable<string> descriptions) =>
        new Open311Answer(descriptions.Select(d => new Open311Error(statusCode, d)).ToArray(), statusCode);

    /// <summary>For answers written outside an endpoint (authentication), in the same format as the endpoint's own.</summary>
    public static Task WriteAsync(HttpContext http, int statusCode, string description) => Result(statusCode, description).ExecuteAsync(http);

    /// <summary>The same exceptions the gRPC interceptor translates, as the HTTP statuses its codes stand for.</summary>
    public static IResult? Translate(Exception ex) => ex switch
    {
        RequestValidationException invalid => Result(StatusCodes.Status400BadRequest, invalid.Violations.Select(v => $"{v.Field}: {v.Description}")),
        EntityNotFoundException notFound => Result(StatusCodes.Status404NotFound, $"{notFound.Entity} '{notFound.Id}' was not found"),
        PermissionDeniedException denied => Result(StatusCodes.Status403Forbidden, denied.Message),
        // gRPC's FailedPrecondition, which its HTTP mapping answers as 400.
        DomainRuleException rule => Result(StatusCodes.Status400BadRequest, rule.Message),
        Open311Exception own => Result(own.StatusCode, own.Message),
        BadHttpRequestException bad => Result(bad.StatusCode, "the request could not be read: " + bad.Message),
        InvalidDataException malformed => Result(StatusCodes.Status400BadRequest, "the form could not be read: " + malformed.Message),
        _ => null,
    };
}

/// <summary>Every answer of the Open311 routes, good or bad, is in Open311's format; surprises are logged, not shown.</summary>
internal sealed class Open311ErrorFilter(ILogger<Open311ErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetRouteValue(Open311Formats.RouteValue) is string format && Open311Formats.Parse(format) is null)
            return Open311Errors.Result(StatusCodes.Status400BadRequest, $"format: '{format}' is not served here; ask for xml or json (e.g. requests.xml)");
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            if (Open311Errors.Translate(ex) is { } answer) return answer;
            logger.LogError(ex, "Unhandled error in Open311 {Method} {Route}", context.HttpContext.Request.Method,
                (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
            return Open311Errors.Result(StatusCodes.Status500InternalServerError, "internal error; see the service log");
        }
    }
}
