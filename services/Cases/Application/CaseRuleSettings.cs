namespace Ducha.Cases.Application;

/// <summary>The rules' numbers an operator may set (README "Settings"); read once at start-up.</summary>
public sealed record CaseRuleSettings(int ReportingMarginWorkingDays, int RepeatWindowDays, int ReminderWorkingDays, TimeSpan DeadlineWatchInterval)
{
    public const string MarginKey = "Cases:ReportingMarginWorkingDays", RepeatWindowKey = "Cases:RepeatWindowDays",
        ReminderKey = "Cases:ReminderWorkingDays", IntervalKey = "Cases:DeadlineWatchInterval";

    public static CaseRuleSettings From(IConfiguration configuration) => new(
        configuration.GetValue(MarginKey, 1),
        configuration.GetValue(RepeatWindowKey, 180),
        configuration.GetValue(ReminderKey, 1),
        configuration.GetValue(IntervalKey, TimeSpan.FromMinutes(1)));
}
