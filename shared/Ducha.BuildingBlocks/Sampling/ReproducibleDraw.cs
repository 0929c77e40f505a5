using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ducha.BuildingBlocks.Sampling;

/// <summary>
/// A random draw anyone can repeat from its recorded seed: sort the candidate ids by their UTF-8 bytes, shuffle them
/// with Fisher–Yates driven by SHA-256 in counter mode, keep the first <c>count</c>. The procedure is specified in
/// docs/sampling.md with test vectors computed by an independent implementation (docs/sampling-vectors.mjs), so an
/// auditor can re-draw a sample in any language; changing anything here breaks those vectors and every recorded draw.
/// </summary>
public static class ReproducibleDraw
{
    /// <summary>The procedure's name, to record beside the seed so a re-draw knows which procedure to run.</summary>
    public const string Procedure = "ducha-draw-v1";

    // Strict: an id or seed with a lone surrogate has no UTF-8 form, and silently replacing it with U+FFFD would let
    // two different ids collide or make the bytes another implementation hashes differ from ours.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A fresh seed for a draw: 32 bytes from the operating system's CSPRNG as 64 lowercase hex digits. Record it
    /// before announcing the result, since the seed alone (with the candidates and count) determines the sample.
    /// </summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Draws <paramref name="count"/> of <paramref name="candidates"/>, in draw order. The caller's order of the
    /// candidates does not matter; the same seed, candidates and count always give the same sample.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The seed is empty or not valid Unicode; a candidate is null, empty, not valid Unicode or given twice; or the
    /// count is negative or larger than the number of candidates.
    /// </exception>
    public static IReadOnlyList<string> Draw(string seed, IEnumerable<string> candidates, int count)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(candidates);
        if (seed.Length == 0)
        {
            throw new ArgumentException("The seed must not be empty.", nameof(seed));
        }

        var seedBytes = Encode(seed, nameof(seed), "The seed");
        var ordered = SortByUtf8(candidates);
        if (count < 0 || count > ordered.Length)
        {
            throw new ArgumentException(
                $"The count must be between 0 and the number of candidates ({ordered.Length}); it was {count}.", nameof(count));
        }

        var words = new HashWordStream(seedBytes);
        // Fisher–Yates from the top: position j takes a uniformly chosen element of positions 0..j. The whole list is
        // shuffled even when few are wanted, because the first positions are the last ones settled.
        for (var j = ordered.Length - 1; j >= 1; j--)
        {
            var r = (int)UniformBelow((ulong)j + 1, words.Next);
            (ordered[j], ordered[r]) = (ordered[r], ordered[j]);
        }

        return ordered.Take(count).Select(c => c.Id).ToArray();
    }

    /// <summary>
    /// A uniform integer in [0, bound) from 64-bit words: words at or above the largest multiple of bound not
    /// exceeding 2^64 are discarded, so every residue is equally likely (no modulo bias).
    /// </summary>
    internal static ulong UniformBelow(ulong bound, Func<ulong> nextWord)
    {
        // 2^64 mod bound, computed without 2^64: (2^64 - bound) mod bound, and 2^64 - bound is 0 - bound in ulong.
        var excess = (0UL - bound) % bound;
        while (true)
        {
            var word = nextWord();
            // When excess is 0 the limit is 2^64 itself and every word is accepted; otherwise the limit is
            // 2^64 - excess, which is 0 - excess in ulong.
            if (excess == 0 || word < 0UL - excess)
            {
                return word % bound;
            }
        }
    }

    private static Candidate[] SortByUtf8(IEnumerable<string> candidates)
    {
        var list = candidates.Select(id =>
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("A candidate id must not be null or empty.", nameof(candidates));
            }

            return new Candidate(id, Encode(id, nameof(candidates), $"The candidate id '{id}'"));
        }).ToArray();

        // UTF-8 byte order, not string.CompareOrdinal: UTF-16 code-unit order puts characters beyond U+FFFF (such as
        // 𠀀) before U+E000..U+FFFF (such as ！), UTF-8 and code-point order put them after. Other languages sort bytes.
        Array.Sort(list, static (a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].Utf8.AsSpan().SequenceEqual(list[i - 1].Utf8))
            {
                throw new ArgumentException($"The candidate id '{list[i].Id}' is given more than once.", nameof(candidates));
            }
        }

        return list;
    }

    private static byte[] Encode(string text, string parameter, string what)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"{what} is not valid Unicode (a lone surrogate).", parameter, e);
        }
    }

    private sealed record Candidate(string Id, byte[] Utf8);

    /// <summary>
    /// The stream of words: block i = SHA-256(seed || 0x00 || uint64-big-endian(i)) for i = 0, 1, 2, …, each block
    /// read as four big-endian uint64 words in order.
    /// </summary>
    private sealed class HashWordStream
    {
        private readonly byte[] _input;
        private readonly byte[] _block = new byte[SHA256.HashSizeInBytes];
        private ulong _counter;
        private int _offset = SHA256.HashSizeInBytes; // start exhausted, so the first Next computes block 0

        public HashWordStream(byte[] seed)
        {
            // seed bytes, one 0x00 separator, then eight bytes for the counter (rewritten for every block)
            _input = new byte[seed.Length + 1 + sizeof(ulong)];
            seed.CopyTo(_input, 0);
        }

        public ulong Next()
        {
            if (_offset == _block.Length)
            {
                BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - sizeof(ulong)), _counter++);
                SHA256.HashData(_input, _block);
                _offset = 0;
            }

            var word = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_offset, sizeof(ulong)));
            _offset += sizeof(ulong);
            return word;
        }
    }
}
