namespace Ducha.Reference.Calendar;

/// <summary>
/// No night dispatch: grassroots staff are not to stay up receiving tasks (避免基层干部熬夜接收任务), so a task reaching
/// a unit between 20:00 and 08:00 Beijing time, or on a day off, is delivered — and its clock starts — at 08:00 on the
/// next working day.
/// </summary>
public sealed class TaskDelivery(WorkingCalendar calendar)
{
    public static readonly TimeOnly DayStarts = new(8, 0);
    public static readonly TimeOnly QuietHoursStart = new(20, 0);

    public static TimeZoneInfo China => BeijingTime.Zone;

    public DateTimeOffset DeliveryTime(DateTimeOffset arrival)
    {
        var local = TimeZoneInfo.ConvertTime(arrival, China);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(date) && time >= DayStarts && time < QuietHoursStart) return arrival;
        var deliveryDate = time < DayStarts && calendar.IsWorkingDay(date)
            ? date
            : calendar.NextWorkingDayFrom(date.AddDays(1));
        var deliveryLocal = deliveryDate.ToDateTime(DayStarts);
        return BeijingTime.At(deliveryLocal);
    }
}
