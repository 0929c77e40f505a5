using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using BadRequest = Google.Rpc.BadRequest;

namespace Ducha.ErrorMapping.MessageReading;

/// <summary>
/// Keeps a refusal small enough for any gRPC client to read. A refusal may quote what the caller sent ("code '…' is not a
/// 6-digit GB/T 2260 code", "Case '…' was not found"); quoting a 100,000-character id put some 900 KB into the
/// <c>grpc-message</c> trailer (percent-encoded UTF-8) and more into <c>grpc-status-details-bin</c>, past the 64 KB of
/// headers grpc-dotnet's client reads (8–16 KB for other stacks): the caller got UNAVAILABLE or INTERNAL
/// ("HPackDecodingException") instead of its answer. Messages longer than <see cref="MaxDetailBytes"/> keep their start
/// and their end (where the reason is) and lose the middle, in the status, in the google.rpc.Status details and in
/// plain text trailers alike. REST callers, served through the same interceptors by JSON transcoding, get the same
/// shortened text in their 400 body.
/// </summary>
public sealed class BoundedStatusInterceptor : Interceptor
{
    /// <summary>What a refusal's text may take in UTF-8: a list of many violations fits, a quoted 100,000-character value does not.</summary>
    public const int MaxDetailBytes = 2048;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException ex) when (IsLong(ex))
        {
            throw Bounded(ex);
        }
    }

    private static bool IsLong(RpcException ex) =>
        Encoding.UTF8.GetByteCount(ex.Status.Detail) > MaxDetailBytes
        || ex.Trailers.Any(t => t.IsBinary ? t.ValueBytes.Length > 2 * MaxDetailBytes : Encoding.UTF8.GetByteCount(t.Value) > MaxDetailBytes);

    private static RpcException Bounded(RpcException ex)
    {
        var trailers = new Metadata();
        foreach (var entry in ex.Trailers)
        {
            if (entry.Key == "grpc-status-details-bin") trailers.Add(entry.Key, BoundedDetails(entry.ValueBytes));
            else if (entry.IsBinary) trailers.Add(entry.Key, entry.ValueBytes.Length <= 2 * MaxDetailBytes ? entry.ValueBytes : entry.ValueBytes[..(2 * MaxDetailBytes)]);
            else trailers.Add(entry.Key, Cut(entry.Value, ellipsis: "...")); // a plain trailer is ASCII or Kestrel refuses it
        }
        return new RpcException(new Status(ex.StatusCode, Cut(ex.Status.Detail), ex.Status.DebugException), trailers);
    }

    /// <summary>The google.rpc.Status with its message and every BadRequest violation shortened.</summary>
    private static byte[] BoundedDetails(byte[] bytes)
    {
        var status = Google.Rpc.Status.Parser.ParseFrom(bytes);
        status.Message = Cut(status.Message);
        foreach (var detail in status.Details.Where(d => d.Is(BadRequest.Descriptor)).ToList())
        {
            var badRequest = detail.Unpack<BadRequest>();
            foreach (var violation in badRequest.FieldViolations)
            {
                violation.Field = Cut(violation.Field);
                violation.Description = Cut(violation.Description);
            }
            status.Details[status.Details.IndexOf(detail)] = Google.Protobuf.WellKnownTypes.Any.Pack(badRequest);
        }
        return status.ToByteArray();
    }

    /// <summary>
    /// Two thirds of the budget from the start, a third from the end: the quoted value's beginning and the reason after
    /// it. Counted in UTF-8 bytes, what the trailer carries, and cut between characters, never inside one.
    /// </summary>
    public static string Cut(string text, string ellipsis = "…")
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxDetailBytes) return text;
        var head = Chars(text.EnumerateRunes(), MaxDetailBytes * 2 / 3);
        var tail = Chars(Backwards(text), MaxDetailBytes / 3);
        return $"{text[..head]} {ellipsis} ({text.Length - head - tail:N0} characters left out) {ellipsis} {text[^tail..]}";
    }

    /// <summary>How many UTF-16 characters the runes fill within <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static int Chars(IEnumerable<Rune> runes, int bytes)
    {
        var (chars, used) = (0, 0);
        foreach (var rune in runes)
        {
            if (used + rune.Utf8SequenceLength > bytes) break;
            used += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }
        return chars;
    }

    private static IEnumerable<Rune> Backwards(string text)
    {
        for (var end = text.Length; end > 0;)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, end), out var rune, out var used);
            yield return rune;
            end -= used;
        }
    }
}
