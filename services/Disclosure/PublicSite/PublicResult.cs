using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// Answers a public request with a rendered representation: its ETag and Cache-Control always, 304 with no body when
/// the client's If-None-Match holds the tag, the headers alone for HEAD, else the bytes. Pages carry a content security
/// policy that allows their inline style and nothing else, so even a tag that slipped past encoding would not run.
/// </summary>
internal sealed class PublicResult(PublicRepresentation representation, TimeSpan maxAge) : IResult
{
    private const string HtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

    public Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = representation.ETag;
        headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        headers.XContentTypeOptions = "nosniff";
        if (representation.IsHtml) headers.ContentSecurityPolicy = HtmlPolicy;
        if (representation.StatusCode == StatusCodes.Status200OK && Matches(context.Request.Headers.IfNoneMatch, representation.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = representation.StatusCode;
        response.ContentType = representation.ContentType;
        response.ContentLength = representation.Body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(representation.Body).AsTask();
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x"; * matches anything.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
