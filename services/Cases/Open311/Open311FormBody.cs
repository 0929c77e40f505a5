using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Ducha.Cases.Open311;

/// <summary>
/// The body of POST requests.{format}, read once per request whoever asks first (the api_key lookup during
/// authentication, or the endpoint), and refused as the client's fault when it cannot be read:
/// <list type="bullet">
/// <item>not a form: 415;</item>
/// <item>larger than <see cref="MaxBytes"/>: 413;</item>
/// <item>a multipart body that is not multipart (no boundary, a boundary never found, cut short): 400 naming the body;</item>
/// <item>in a form-encoded body, a '%' not followed by two hex digits, or escapes (or raw bytes) that are not UTF-8 once
/// decoded (<c>%FF%FE</c>): 400 naming the field. ASP.NET's form reader keeps such escapes as literal text, so
/// <c>description=%FF%FE</c> used to be stored as the six characters "%FF%FE"; the raw bytes are checked here, where
/// a literal "%FF" a client meant (sent as <c>%25FF</c>) is still told apart.</item>
/// </list>
/// </summary>
internal static class Open311FormBody
{
    /// <summary>A complaint is a few kilobytes (description at most 4,000 characters); a photo goes by media_url, not in the body.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly object ItemKey = new();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private sealed record Outcome(IFormCollection? Form, Exception? Refusal);

    /// <summary>The form, or the refusal (<see cref="Open311Exception"/>, <see cref="RequestValidationException"/>) thrown.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var outcome = await OutcomeAsync(request, cancellationToken);
        if (outcome.Refusal is { } refusal) throw refusal;
        return outcome.Form!;
    }

    /// <summary>For authentication: the form when it can be read, else null (the endpoint, if reached, says why).</summary>
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await OutcomeAsync(request, cancellationToken)).Form;

    private static async Task<Outcome> OutcomeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(ItemKey, out var cached) && cached is Outcome known) return known;
        Outcome outcome;
        try
        {
            outcome = new Outcome(await ReadCoreAsync(request, cancellationToken), null);
        }
        catch (Exception ex) when (ex is Open311Exception or RequestValidationException)
        {
            outcome = new Outcome(null, ex);
        }
        catch (BadHttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Kestrel's own limits (the body larger than it takes, or cut short), with its status.
            outcome = new Outcome(null, new Open311Exception(ex.StatusCode, $"body: could not be read ({ex.Message})"));
        }
        catch (InvalidDataException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The form reader's limits (field count, name or value length, multipart section headers).
            outcome = new Outcome(null, new Open311Exception(StatusCodes.Status400BadRequest, $"body: could not be read as a form ({ex.Message})"));
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The multipart reader ran out of body before the boundary it was told to look for.
            outcome = new Outcome(null, new Open311Exception(StatusCodes.Status400BadRequest,
                $"body: is not multipart/form-data with the boundary its Content-Type names ('{Boundary(request)}'), or it was cut short"));
        }
        request.HttpContext.Items[ItemKey] = outcome;
        return outcome;
    }

    private static async Task<IFormCollection> ReadCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            throw new Open311Exception(StatusCodes.Status415UnsupportedMediaType, "the body must be application/x-www-form-urlencoded (or multipart/form-data)");
        if (request.ContentLength > MaxBytes) throw TooLarge();

        var limits = new FormOptions
        {
            MultipartBodyLengthLimit = MaxBytes,
            ValueLengthLimit = MaxBytes,
            BufferBodyLengthLimit = MaxBytes,
        };
        var type = MediaTypeHeaderValue.Parse(request.ContentType);
        if (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBytes);
            var raw = await ReadAllAsync(request.Body, cancellationToken);
            var charset = HeaderUtilities.RemoveQuotes(type.Charset);
            var utf8 = charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
            if (Violations(raw, utf8) is { Count: > 0 } violations) throw new RequestValidationException(violations);
            request.Body.Position = 0;
        }
        else if (HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
        {
            throw new Open311Exception(StatusCodes.Status400BadRequest, "body: a multipart/form-data body needs a boundary parameter in its Content-Type");
        }
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, limits));
        return await request.ReadFormAsync(cancellationToken);
    }

    private static string Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).ToString() : string.Empty;

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Open311Exception TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"body: the form is larger than {MaxBytes / 1024} KiB; send a photo as media_url, not in the body");

    /// <summary>One violation per field whose name or value is not well percent-encoded UTF-8.</summary>
    private static List<FieldViolation> Violations(byte[] body, bool utf8)
    {
        var violations = new List<FieldViolation>();
        var start = 0;
        while (start <= body.Length)
        {
            var end = Array.IndexOf(body, (byte)'&', start);
            if (end < 0) end = body.Length;
            var pair = body.AsSpan(start, end - start);
            if (!pair.IsEmpty)
            {
                var equals = pair.IndexOf((byte)'=');
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? [] : pair[(equals + 1)..];
                var keyProblem = Problem(key, utf8);
                var valueProblem = Problem(value, utf8);
                var field = keyProblem is null ? Lenient(key) : "body";
                if (keyProblem is not null) violations.Add(new FieldViolation("body", $"a field name {keyProblem}"));
                else if (valueProblem is not null) violations.Add(new FieldViolation(field, valueProblem));
            }
            start = end + 1;
        }
        return violations;
    }

    /// <summary>What is wrong with one percent-encoded part, or null.</summary>
    private static string? Problem(ReadOnlySpan<byte> part, bool utf8)
    {
        var decoded = new byte[part.Length];
        var length = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var b = part[i];
            if (b == '%')
            {
                if (i + 2 >= part.Length || !IsHex(part[i + 1]) || !IsHex(part[i + 2]))
                    return $"has a '%' not followed by two hex digits ({Excerpt(part, i)}); percent-encode a literal % as %25";
                b = (byte)(Hex(part[i + 1]) * 16 + Hex(part[i + 2]));
                i += 2;
            }
            else if (b == '+')
            {
                b = (byte)' ';
            }
            decoded[length++] = b;
        }
        if (!utf8) return null;
        try
        {
            StrictUtf8.GetString(decoded, 0, length);
            return null;
        }
        catch (DecoderFallbackException)
        {
            return $"is not UTF-8 text once percent-decoded ({Excerpt(part, 0)}); send the form in UTF-8";
        }
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    /// <summary>Up to 24 bytes of the raw part from <paramref name="at"/>, as ASCII (anything else as its %XX).</summary>
    private static string Excerpt(ReadOnlySpan<byte> part, int at)
    {
        var text = new StringBuilder();
        foreach (var b in part[at..Math.Min(part.Length, at + 24)])
            text.Append(b is >= 0x21 and < 0x7F and not (byte)'\'' ? (char)b : $"%{b:X2}");
        if (part.Length > at + 24) text.Append('…');
        return $"'{text}'";
    }

    /// <summary>A field name as the client meant it, for naming it in a refusal.</summary>
    private static string Lenient(ReadOnlySpan<byte> key)
    {
        var name = Uri.UnescapeDataString(Encoding.UTF8.GetString(key).Replace('+', ' '));
        return name.Length <= 60 ? name : name[..60] + "…";
    }
}
