using System.Security.Cryptography;
using System.Text;

namespace Ducha.Disclosure.PublicSite;

/// <summary>
/// A rendered public resource: its bytes, media type and a strong ETag from the SHA-256 of the bytes, so two replicas
/// rendering the same content answer the same tag, and any change of a byte changes it.
/// </summary>
internal sealed record PublicRepresentation(byte[] Body, string ContentType, string ETag, int StatusCode = 200)
{
    public const string HtmlType = "text/html; charset=utf-8", JsonType = "application/json; charset=utf-8", AtomType = "application/atom+xml; charset=utf-8";

    public static PublicRepresentation Of(string text, string contentType, int statusCode = 200) => Of(Encoding.UTF8.GetBytes(text), contentType, statusCode);

    public static PublicRepresentation Of(byte[] body, string contentType, int statusCode = 200) =>
        new(body, contentType, "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"", statusCode);

    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.Ordinal);
}
