using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>The hop a case takes when it is assigned down, with when it arrives and when it is due.</summary>
/// <param name="ProvisionalAfter">When the deadline was counted past the official calendar: the calendar's last day then.</param>
public sealed record AssignmentPlan(CaseParty To, DateTimeOffset DeliveredAt, DateOnly Deadline, DateOnly? ProvisionalAfter);

/// <summary>
/// What the holding office may pass down if it assigned now: when the hop would arrive and the working days the rules
/// allow — at least <paramref name="MinimumWorkingDays"/> (no squeezing), at most <paramref name="MaximumWorkingDays"/>
/// (a legacy case's original deadline); null where no rule bounds it.
/// </summary>
public sealed record AssignmentTerms(DateTimeOffset DeliveredAt, int? MinimumWorkingDays, int? MaximumWorkingDays, DateOnly? HolderDeadline, int Margin);

/// <summary>
/// The rules of 转: a case goes from the office holding it to the office directly below, toward the place of the
/// problem, or to one of its own handling units; a night-time hop is delivered at 08:00 of the next working day and its
/// clock starts then; and no level passes down less time than it received minus a reporting margin (层层加码 — adding
/// pressure level by level — is forbidden).
/// </summary>
/// <param name="margin">Working days each level keeps for itself to check and report up.</param>
public sealed class AssignmentRules(JurisdictionTree tree, WorkingCalendar calendar, TaskDelivery delivery, int margin)
{
    public int Margin => margin;

    /// <summary>
    /// The hop's deadline counted again on today's calendar, for a deadline counted provisionally; null when nothing
    /// changes because the calendar has not grown since.
    /// </summary>
    public (DateOnly Deadline, DateOnly? ProvisionalAfter)? Recount(CaseAssignment hop)
    {
        if (hop.DeadlineProvisionalAfter is not { } after || after >= calendar.LastDate) return null;
        var deadline = calendar.AddWorkingDays(BeijingTime.DateOf(hop.DeliveredAt), hop.WorkingDays);
        return (deadline, calendar.IsProvisional(deadline) ? calendar.LastDate : null);
    }

    /// <summary>
    /// The bounds <see cref="Plan"/> would apply to a hop made <paramref name="now"/>, so a form can offer the lowest
    /// deadline allowed instead of letting a clerk find it by refusal.
    /// </summary>
    public AssignmentTerms Terms(Case @case, DateTimeOffset now)
    {
        try
        {
            var deliveredAt = delivery.DeliveryTime(now);
            var deliveryDay = BeijingTime.DateOf(deliveredAt);
            int? maximum = @case.OriginalDeadline is { } original ? calendar.CountWorkingDays(deliveryDay, original) : null;
            return new AssignmentTerms(deliveredAt, Minimum(@case, deliveryDay), maximum, @case.Deadline, Margin);
        }
        catch (CalendarRangeException ex)
        {
            throw new DomainRuleException($"The deadline cannot be computed: {ex.Message}", "working_days");
        }
    }

    /// <summary>The fewest working days a hop delivered on <paramref name="deliveryDay"/> may carry: what the holder received less the margin.</summary>
    private int? Minimum(Case @case, DateOnly deliveryDay) =>
        @case.Deadline is { } received ? calendar.CountWorkingDays(deliveryDay, received) - Margin : null;

    /// <summary>
    /// Plans the hop from the holding office to <paramref name="to"/>: an office directly below it toward the place, or an
    /// active handling unit (a department or lower office) of its own jurisdiction, as <paramref name="units"/> lists them.
    /// </summary>
    /// <param name="units">The register of the holder's jurisdiction; needed only to assign to a unit.</param>
    /// <param name="fixedDeadline">A deadline someone else fixed (an airing fixes the follow-up's): it holds whenever the hop is delivered.</param>
    public AssignmentPlan Plan(Case @case, CaseParty to, int workingDays, DateTimeOffset now, UnitRegister? units = null, DateOnly? fixedDeadline = null)
    {
        if (to.Unit is not null)
        {
            if (to.JurisdictionCode != @case.HolderJurisdictionCode)
                throw new RequestValidationException([new FieldViolation("to_jurisdiction_code",
                    $"must be the holder's own jurisdiction {@case.HolderJurisdictionCode} (or empty) when assigning to a handling unit")]);
            if (units is null || units.Jurisdiction.Code != to.JurisdictionCode)
                throw new InvalidOperationException($"Assigning to a unit needs the register of {to.JurisdictionCode}.");
            units.EnsureAssignable(to.Unit);
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
            // A fixed deadline is not squeezed or recounted: whoever fixed it answers for it, and a new case has no deadline of its own yet.
            if (fixedDeadline is { } due) return new AssignmentPlan(to, deliveredAt, due, null);
            var deadline = calendar.AddWorkingDays(deliveryDay, workingDays);
            if (@case.Deadline is { } received && Minimum(@case, deliveryDay) is { } minimum)
            {
                if (workingDays < minimum)
                    throw new DomainRuleException(
                        $"Squeezed deadline: {workingDays} working days passed down, but the holder's own deadline {received:yyyy-MM-dd} " +
                        $"leaves {minimum + Margin}; at least {minimum} must go down (keeping {Margin} for reporting).", "working_days");
            }
            if (@case.OriginalDeadline is { } original && deadline > original)
                throw new DomainRuleException(
                    $"Legacy case: it keeps the central inspection's deadline {original:yyyy-MM-dd}; {workingDays} working days would run to {deadline:yyyy-MM-dd}.",
                    "working_days");
            return new AssignmentPlan(to, deliveredAt, deadline, calendar.IsProvisional(deadline) ? calendar.LastDate : null);
        }
        catch (CalendarRangeException ex)
        {
            throw new DomainRuleException($"The deadline cannot be computed: {ex.Message}", "working_days");
        }
    }
}
