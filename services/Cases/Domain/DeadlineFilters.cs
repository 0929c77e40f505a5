namespace Ducha.Cases.Domain;

/// <summary>
/// Which cases are running against a deadline and which have missed it, as one query rule for the watch and the list:
/// a deadline is a Beijing date, met by the end of that day, and it stops counting once the case is verified or closed.
/// </summary>
public static class DeadlineFilters
{
    public static IQueryable<Case> Running(this IQueryable<Case> cases)
    {
        // Domain-typed locals, so the parameters pass through the column's string converter.
        CaseStatus verified = CaseStatus.Verified, closed = CaseStatus.Closed;
        return cases.Where(c => c.Deadline != null && c.Status != verified && c.Status != closed);
    }

    public static IQueryable<Case> PastDeadline(this IQueryable<Case> cases, DateOnly today) =>
        cases.Running().Where(c => c.Deadline < today);
}
