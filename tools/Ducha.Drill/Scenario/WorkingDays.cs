using System.Collections.Concurrent;
using System.Globalization;
using Ducha.Contracts.Reference.V1;
using Ducha.Drill.Target;

namespace Ducha.Drill.Scenario;

/// <summary>The official calendar as the deployment's reference service tells it, remembered for the drill.</summary>
public sealed class WorkingDays(DrillTarget target)
{
    private readonly Ducha.Contracts.Reference.V1.Reference.ReferenceClient _reference = new(target.Anonymous("cases"));
    private readonly ConcurrentDictionary<DateOnly, bool> _working = new();

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<bool> IsWorkingAsync(DateOnly date)
    {
        if (_working.TryGetValue(date, out var known)) return known;
        var day = await _reference.GetDayAsync(new GetDayRequest { Date = Text(date) });
        return _working[date] = day.Working;
    }

    /// <summary>The first working day after <paramref name="date"/>, plus <paramref name="more"/> working days.</summary>
    public async Task<DateOnly> AfterAsync(DateOnly date, int more = 0)
    {
        var reply = await _reference.AddWorkingDaysAsync(new AddWorkingDaysRequest { From = Text(date), Days = 1 + more });
        return DateOnly.ParseExact(reply.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<string> AddAsync(DateOnly from, int days) =>
        (await _reference.AddWorkingDaysAsync(new AddWorkingDaysRequest { From = Text(from), Days = days })).Date;
}
