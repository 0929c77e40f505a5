namespace Ducha.Secondment.Application.Secondments;

/// <summary>The rotation rules' numbers an operator may set (README "Settings"); read once at start-up.</summary>
public sealed record SecondmentSettings(int TermLimitDays, int RotationReminderDays)
{
    public const string TermLimitKey = "Secondment:TermLimitDays", ReminderKey = "Secondment:RotationReminderDays";

    public static SecondmentSettings From(IConfiguration configuration) => new(
        configuration.GetValue(TermLimitKey, 365),
        configuration.GetValue(ReminderKey, 30));
}
