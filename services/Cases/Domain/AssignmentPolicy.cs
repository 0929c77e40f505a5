using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Ducha.ServiceDefaults.Errors;

namespace Ducha.Cases.Domain;

/// <summary>The hop a case takes when it is assigned down, with when it arrives and when it is due.</summary>
public sealed record AssignmentPlan(string From, string To, int WorkingDays, DateTimeOffset DeliveredAt, DateOnly Deadline);

/// <summary>
/// The rules of 转 (DOMAIN.md §2): a case goes from the office holding it to the office directly below, toward the
/// place of the problem; a night-time hop is delivered at 08:00 of the next working day and its clock starts then;
/// and no level passes down less time than it received minus a reporting margin (no 层层加码, 001 §四).
/// </summary>
public sealed class AssignmentPolicy(JurisdictionTree tree, WorkingCalendar calendar, TaskDelivery delivery, IConfiguration configuration)
{
    public const string MarginKey = "Cases:ReportingMarginWorkingDays";

    /// <summary>Working days each level keeps for itself to check and report up; configurable, default 1.</summary>
    public int Margin => configuration.GetValue(MarginKey, 1);

    public AssignmentPlan Plan(Case @case, string callerJurisdictionCode, string toJurisdictionCode, int workingDays, DateTimeOffset now)
    {
        if (@case.HolderJurisdictionCode != callerJurisdictionCode)
            throw new DomainRuleException($"The case is held by {@case.HolderJurisdictionCode}; only that office can assign it on.");
        if (tree.Find(toJurisdictionCode) is not { } target || target.ParentCode != @case.HolderJurisdictionCode)
            throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                $"must be a jurisdiction directly below the holder {@case.HolderJurisdictionCode}")]);
        if (!tree.IsWithin(@case.JurisdictionCode, toJurisdictionCode))
            throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                $"must contain the case's place {@case.JurisdictionCode}")]);

        try
        {
            var deliveredAt = delivery.DeliveryTime(now);
            var deliveryDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deliveredAt, TaskDelivery.China).DateTime);
            var deadline = calendar.AddWorkingDays(deliveryDay, workingDays);
            if (@case.Deadline is { } received)
            {
                var minimum = calendar.CountWorkingDays(deliveryDay, received) - Margin;
                if (workingDays < minimum)
                    throw new DomainRuleException(
                        $"Squeezed deadline: {workingDays} working days passed down, but the holder's own deadline {received:yyyy-MM-dd} " +
                        $"leaves {minimum + Margin}; at least {minimum} must go down (keeping {Margin} for reporting).");
            }
            return new AssignmentPlan(@case.HolderJurisdictionCode, toJurisdictionCode, workingDays, deliveredAt, deadline);
        }
        catch (CalendarRangeException ex)
        {
            throw new DomainRuleException($"The deadline cannot be computed: {ex.Message}");
        }
    }
}
