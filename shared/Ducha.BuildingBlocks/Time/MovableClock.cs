namespace Ducha.BuildingBlocks.Time;

/// <summary>
/// Real time moved to another moment: timers and delays behave as usual, "now" is where a drill or a test wants it, and it
/// keeps ticking from there. It only moves forward — what was stored stays in the past. Never the clock of a production
/// host: the standalone host uses it in Development only, when told to (<c>Standalone__ClockStart</c>).
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Moves "now" to <paramref name="moment"/>, or leaves it where it is if that is not later.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var by = moment - GetUtcNow();
        if (by > TimeSpan.Zero) Advance(by);
    }
}
