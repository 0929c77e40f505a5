using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ducha.BuildingBlocks;

/// <summary>
/// Record ids that sort in the order they were made in this process: UUID version 7 (RFC 9562) with the 12 bits after
/// the millisecond used as a counter (method 1), so two ids of the same millisecond still compare in creation order —
/// lists that show "newest first" by id rely on it; <see cref="Guid.CreateVersion7()"/> fills those bits at random.
/// </summary>
public static class OrderedIds
{
    private static readonly Lock Gate = new();
    private static long _lastMillisecond;
    private static int _counter;

    public static string NewId()
    {
        long millisecond;
        int counter;
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > _lastMillisecond)
            {
                // A new millisecond starts the counter low but not at zero, leaving room for the ids that follow.
                (_lastMillisecond, _counter) = (now, RandomNumberGenerator.GetInt32(0, 0x400));
            }
            else if (++_counter > 0xFFF)
            {
                // 4,096 ids in one millisecond (or a clock set back): borrow the next millisecond.
                (_lastMillisecond, _counter) = (_lastMillisecond + 1, 0);
            }
            (millisecond, counter) = (_lastMillisecond, _counter);
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, millisecond << 16);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
