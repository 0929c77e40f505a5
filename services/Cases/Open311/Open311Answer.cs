namespace Ducha.Cases.Open311;

/// <summary>
/// What an Open311 route answers, as objects. The format is applied only when the answer is written, so the handlers
/// never know it and every format renders one and the same answer.
/// </summary>
internal sealed class Open311Answer(object body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public object Body { get; } = body;

    public int StatusCode { get; } = statusCode;

    public Task ExecuteAsync(HttpContext httpContext) => Open311Formats.Of(httpContext) switch
    {
        Open311Format.Json => Open311Json.WriteAsync(httpContext.Response, Body, StatusCode),
        _ => Open311Xml.WriteAsync(httpContext.Response, Body, StatusCode),
    };
}
