namespace Ducha.BuildingBlocks.Time;

/// <summary>
/// A background watch that acts when time passes (deadlines, schedules, cadences, terms). Each runs on its own timer; a
/// development clock that moves time on asks every watch for a pass at once, so a drilled month does not wait for ticks.
/// </summary>
public interface IClockWatch
{
    /// <summary>The watch's name in logs and in the drill's report, e.g. <c>cases.deadline-watch</c>.</summary>
    string Name { get; }

    /// <summary>One pass as of <paramref name="now"/>; what it did, in a few words for an operator.</summary>
    Task<string> PassAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
