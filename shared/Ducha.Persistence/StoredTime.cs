namespace Ducha.Persistence;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond; taking "now" at that precision means what a service answers
/// right after a write is what it answers when reading it back, on either provider.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset GetStoredUtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);
}
