using System.Text;

namespace Ducha.InputFlood;

/// <summary>Protobuf wire bytes written by hand: well formed, or broken in the ways a decoder must survive.</summary>
internal static class ProtoBytes
{
    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        } while (value != 0);
        return [.. bytes];
    }

    public static byte[] Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    public static byte[] String(int field, byte[] utf8) => [.. Tag(field, 2), .. Varint((ulong)utf8.Length), .. utf8];

    public static byte[] String(int field, string text) => String(field, Encoding.UTF8.GetBytes(text));

    public static byte[] Int(int field, long value) => [.. Tag(field, 0), .. Varint(unchecked((ulong)value))];

    public static byte[] Double(int field, double value) => [.. Tag(field, 1), .. BitConverter.GetBytes(value)];

    /// <summary>A google.protobuf.Timestamp { int64 seconds = 1; int32 nanos = 2; } as field <paramref name="field"/>, whatever its values.</summary>
    public static byte[] Timestamp(int field, long seconds, int nanos) => String(field, [.. Int(1, seconds), .. Int(2, nanos)]);

    /// <summary>A message of random fields: random numbers (1–40), random wire types, values that may or may not fit.</summary>
    public static byte[] RandomFields(Random random)
    {
        var bytes = new List<byte>();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            var field = random.Next(1, 41);
            switch (random.Next(6))
            {
                case 0: bytes.AddRange(Int(field, random.NextInt64(long.MinValue, long.MaxValue))); break;
                case 1: bytes.AddRange(Double(field, random.NextDouble() * 1e6 - 5e5)); break;
                case 2: bytes.AddRange(String(field, RandomText(random))); break;
                case 3: bytes.AddRange([.. Tag(field, 5), .. Bytes(random, 4)]); break;
                case 4: bytes.AddRange(String(field, Bytes(random, random.Next(0, 24)))); break;
                default: bytes.AddRange(String(field, RandomFields(random).Take(30).ToArray())); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>What a decoder must refuse: each names a way bytes stop being a message.</summary>
    public static (string Name, byte[] Bytes) Broken(Random random) => random.Next(10) switch
    {
        0 => ("truncated varint", [0x08, 0xFF, 0xFF, 0xFF]),
        1 => ("length past the end", [0x32, 0xF5, 0xCF, 0x1B, 0x61, 0x62, 0x63]),
        2 => ("fixed32 cut short", [0x0D, 0x01, 0x02]),
        3 => ("invalid UTF-8 in a string", String(random.Next(1, 4), [0xE4, 0xB8])),
        4 => ("lone surrogate in a string", String(random.Next(1, 4), [0xED, 0xA0, 0x80])),
        5 => ("end group without start", [0x0C]),
        6 => ("field number 0", [0x00, 0x01]),
        7 => ("varint of 11 bytes", [0x08, .. Enumerable.Repeat((byte)0xFF, 10), 0x01]),
        8 => ("random bytes", Bytes(random, random.Next(1, 64))),
        _ => ("random fields, truncated", RandomFields(random) is var m && m.Length > 1 ? m[..^1] : [0x08]),
    };

    public static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string RandomText(Random random)
    {
        string[] pieces = ["苏州", "虎丘区", "' OR 1=1 --", "<script>", "\u0000", "\uFFFD", "%FF", "../..", "320505", "😀", "\r\n", new string('长', random.Next(1, 300))];
        return string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
    }
}
