using Ducha.BuildingBlocks;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>The hop a case takes when it is assigned down, with when it arrives and when it is due.</summary>
public sealed record AssignmentPlan(CaseParty From, CaseParty To, int WorkingDays, DateTimeOffset DeliveredAt, DateOnly Deadline);

/// <summary>
/// The rules of 转 (DOMAIN.md §2): a case goes from the office holding it to the office directly below, toward the
/// place of the problem, or to one of its own handling units; a night-time hop is delivered at 08:00 of the next working day and its clock starts then;
/// and no level passes down less time than it received minus a reporting margin (no 层层加码, 001 §四).
/// </summary>
public sealed class AssignmentPolicy(JurisdictionTree tree, WorkingCalendar calendar, TaskDelivery delivery, IConfiguration configuration)
{
    public const string MarginKey = "Cases:ReportingMarginWorkingDays";

    /// <summary>Working days each level keeps for itself to check and report up; configurable, default 1.</summary>
    public int Margin => configuration.GetValue(MarginKey, 1);

    private static readonly CaseStatus[] Assignable =
        [CaseStatus.Received, CaseStatus.Assigned, CaseStatus.Returned, CaseStatus.SentBack, CaseStatus.Reopened];

    /// <summary>
    /// Plans the hop from the holding office to <paramref name="to"/>: an office directly below it toward the place, or a
    /// handling unit (a department or lower office) of its own jurisdiction.
    /// </summary>
    public AssignmentPlan Plan(Case @case, CaseParty caller, CaseParty to, int workingDays, DateTimeOffset now)
    {
        if (@case.Holder != caller || !caller.IsOffice)
            throw new DomainRuleException($"The case is held by {@case.Holder}; only that office can assign it on.");
        if (!Assignable.Contains(@case.Status))
            throw new DomainRuleException($"A {@case.Status} case cannot be assigned on; " + (@case.Status == CaseStatus.Reported
                ? "verify the report first." : "it is no longer being handled."));
        if (to.Unit is not null)
        {
            if (to.JurisdictionCode != @case.HolderJurisdictionCode)
                throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                    $"must be the holder's own jurisdiction {@case.HolderJurisdictionCode} (or empty) when assigning to a handling unit")]);
        }
        else
        {
            if (tree.Find(to.JurisdictionCode) is not { } target || target.ParentCode != @case.HolderJurisdictionCode)
                throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                    $"must be a jurisdiction directly below the holder {@case.HolderJurisdictionCode}")]);
            if (!tree.IsWithin(@case.JurisdictionCode, to.JurisdictionCode))
                throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                    $"must contain the case's place {@case.JurisdictionCode}")]);
        }

        try
        {
            var deliveredAt = delivery.DeliveryTime(now);
            var deliveryDay = BeijingTime.DateOf(deliveredAt);
            var deadline = calendar.AddWorkingDays(deliveryDay, workingDays);
            if (@case.Deadline is { } received)
            {
                var minimum = calendar.CountWorkingDays(deliveryDay, received) - Margin;
                if (workingDays < minimum)
                    throw new DomainRuleException(
                        $"Squeezed deadline: {workingDays} working days passed down, but the holder's own deadline {received:yyyy-MM-dd} " +
                        $"leaves {minimum + Margin}; at least {minimum} must go down (keeping {Margin} for reporting).");
            }
            if (@case.OriginalDeadline is { } original && deadline > original)
                throw new DomainRuleException(
                    $"Legacy case: it keeps the central inspection's deadline {original:yyyy-MM-dd}; {workingDays} working days would run to {deadline:yyyy-MM-dd}.");
            return new AssignmentPlan(@case.Holder, to, workingDays, deliveredAt, deadline);
        }
        catch (CalendarRangeException ex)
        {
            throw new DomainRuleException($"The deadline cannot be computed: {ex.Message}");
        }
    }
}
