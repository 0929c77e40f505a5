namespace Ducha.Drill.Load;

/// <summary>One measured step: an operation at a number of callers, its rate and latencies, and its ratio to the floor.</summary>
public sealed record LoadResult(string Operation, int Callers, long Calls, double CallsPerSecond, double P50Ms, double P99Ms, int Errors)
{
    public double? RatioToFloor { get; init; }

    /// <summary>The first failure's words, so an operator sees why calls failed without another run.</summary>
    public string? FirstError { get; init; }

    /// <summary>CPU milliseconds per call spent by each of the deployment's processes on this machine, and by the drill (<see cref="ProcessCpu"/>); null where not read.</summary>
    public IReadOnlyDictionary<string, double>? CpuMsPerCall { get; init; }
}
