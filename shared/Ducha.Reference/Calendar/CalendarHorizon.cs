using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ducha.Reference.Calendar;

/// <summary>
/// How far ahead working days are known. Past the calendar's last day no deadline can be computed, so an office could
/// not assign a case at all; the State Council publishes next year's holidays in November, which leaves operators
/// weeks, not days, to add it (<c>Reference__CalendarFile</c>). Reported as Degraded health, which keeps the service
/// in rotation while every health probe and dashboard shows it.
/// </summary>
public sealed class CalendarHorizon(WorkingCalendar calendar, TimeProvider time) : IHealthCheck
{
    /// <summary>Two months: the notice for next year is usually out by then.</summary>
    public const int WarningDays = 60;

    /// <summary>What an operator must do, or null while the calendar reaches far enough.</summary>
    public string? Warning()
    {
        var today = BeijingTime.DateOf(time.GetUtcNow());
        var left = calendar.LastDate.DayNumber - today.DayNumber;
        if (left > WarningDays) return null;
        var action = $"add next year's holiday notice as {ReferenceRegistration.CalendarFileKey.Replace(":", "__", StringComparison.Ordinal)} (starting {calendar.LastDate.AddDays(1):yyyy-MM-dd})";
        return left < 0
            ? $"The working-day calendar ended on {calendar.LastDate:yyyy-MM-dd}: no deadline after it can be computed; {action}"
            : $"The working-day calendar ends on {calendar.LastDate:yyyy-MM-dd}, in {left} days; deadlines past it cannot be computed until you {action}";
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Warning() is { } warning
            ? HealthCheckResult.Degraded(warning)
            : HealthCheckResult.Healthy($"Working days are known to {calendar.LastDate:yyyy-MM-dd}"));
}
