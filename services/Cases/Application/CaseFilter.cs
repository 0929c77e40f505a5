using Ducha.Cases.Domain;
using Ducha.Reference.Calendar;

namespace Ducha.Cases.Application;

/// <summary>
/// What a list of cases asks for beyond where: optional conditions, null or empty meaning "any". One definition for the
/// case list and 待办, so "overdue" or a search means the same on both.
/// </summary>
public sealed record CaseFilter(CaseStatus? Status = null, Channel? Channel = null, PollutionType? PollutionType = null,
    DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null, bool OverdueOnly = false, int MinRepeatCount = 0,
    bool BuckPassingOnly = false, string? Text = null)
{
    public const int MaxTextLength = 100;

    public static readonly CaseFilter Any = new();

    /// <summary>The cases of <paramref name="query"/> that meet every condition, "overdue" judged on <paramref name="today"/>.</summary>
    public IQueryable<Case> Apply(IQueryable<Case> query, DateOnly today)
    {
        // Domain-typed locals, so the parameters pass through the columns' string converters.
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (PollutionType is { } pollution) query = query.Where(c => c.PollutionType == pollution);
        if (OverdueOnly) query = query.PastDeadline(today);
        if (MinRepeatCount > 0)
        {
            var min = MinRepeatCount;
            query = query.Where(c => c.RepeatCount >= min);
        }
        if (BuckPassingOnly) query = query.Where(c => c.BuckPassingFlagged);
        if (ReceivedFrom is { } f) query = query.Where(c => c.ReceivedAt >= BeijingTime.StartOf(f));
        if (ReceivedTo is { } t) query = query.Where(c => c.ReceivedAt < BeijingTime.StartOf(t.AddDays(1)));
        if (Text is { Length: > 0 } text)
        {
            // A clerk searches by what is written on the case: its number, the polluter, the address or the complaint.
            // The reporter is never searched: it is kept apart, protected, and not the clerk's to look up.
            query = query.Where(c => c.Id == text || c.Polluter != null && c.Polluter.Contains(text) || c.Address.Contains(text) || c.Description.Contains(text));
        }
        return query;
    }
}
