using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ducha.Reference.Calendar;

/// <summary>
/// How far ahead working days are known. Past the calendar's last day deadlines are only provisional (Monday to Friday)
/// until the operator adds the next notice; the State Council publishes next year's holidays in November, which leaves
/// operators weeks, not days, to add it (<c>Reference__CalendarFile</c>). Reported as Degraded health, which keeps the
/// service in rotation while every health probe and dashboard shows it.
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
            ? $"The working-day calendar ended on {calendar.LastDate:yyyy-MM-dd}: deadlines after it are provisional (Monday to Friday) until you {action}"
            : $"The working-day calendar ends on {calendar.LastDate:yyyy-MM-dd}, in {left} days; deadlines past it are provisional (Monday to Friday) until you {action}";
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Warning() is { } warning
            ? HealthCheckResult.Degraded(warning)
            : HealthCheckResult.Healthy($"Working days are known to {calendar.LastDate:yyyy-MM-dd}"));
}
