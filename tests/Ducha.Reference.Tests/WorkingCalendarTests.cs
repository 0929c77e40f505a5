using System.Globalization;
using Ducha.Reference.Calendar;

namespace Ducha.Reference.Tests;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded();
    private static readonly TaskDelivery Delivery = new(Calendar);

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void National_Day_2024_is_a_week_of_holidays()
    {
        for (var day = D("2024-10-01"); day <= D("2024-10-07"); day = day.AddDays(1))
        {
            var info = Calendar.GetDay(day);
            Assert.False(info.Working, $"{day} should be a holiday");
            Assert.Equal("国庆节", info.Name);
        }
    }

    [Theory]
    [InlineData("2024-09-29")] // Sunday
    [InlineData("2024-10-12")] // Saturday
    public void Make_up_weekend_days_are_working_days(string date)
    {
        var day = Calendar.GetDay(D(date));

        Assert.True(day.Working);
        Assert.Equal("国庆节调休上班", day.Name);
    }

    [Fact]
    public void An_ordinary_weekend_is_off_and_an_ordinary_weekday_is_on()
    {
        Assert.False(Calendar.IsWorkingDay(D("2024-11-23")));
        Assert.True(Calendar.IsWorkingDay(D("2024-11-25")));
        Assert.Null(Calendar.GetDay(D("2024-11-25")).Name);
    }

    [Fact]
    public void Five_working_days_from_Friday_27_September_2024_is_10_October()
    {
        Assert.Equal(D("2024-10-10"), Calendar.AddWorkingDays(D("2024-09-27"), 5));
        Assert.Equal(5, Calendar.CountWorkingDays(D("2024-09-27"), D("2024-10-10")));
        Assert.Equal(D("2024-09-27"), Calendar.AddWorkingDays(D("2024-09-27"), 0));
    }

    [Fact]
    public void A_task_arriving_at_21_30_on_the_Friday_before_a_holiday_is_delivered_at_8_on_the_next_working_day()
    {
        // Friday 2024-09-27 is a working day; Saturday 28 is off; Sunday 29 is a make-up working day.
        var arrival = new DateTimeOffset(2024, 9, 27, 21, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2024, 9, 29, 8, 0, 0, TimeSpan.FromHours(8)), Delivery.DeliveryTime(arrival));
    }

    [Fact]
    public void A_task_arriving_at_21_30_on_the_Friday_before_the_Dragon_Boat_holiday_waits_for_Tuesday()
    {
        // Friday 2024-06-07; the weekend and Monday 2024-06-10 (端午节) are off.
        var arrival = new DateTimeOffset(2024, 6, 7, 21, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2024, 6, 11, 8, 0, 0, TimeSpan.FromHours(8)), Delivery.DeliveryTime(arrival));
        Assert.Equal("端午节", Calendar.GetDay(D("2024-06-10")).Name);
    }

    [Fact]
    public void A_task_arriving_on_the_eve_of_the_holiday_week_waits_for_the_week_to_end()
    {
        var arrival = new DateTimeOffset(2024, 9, 30, 22, 15, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2024, 10, 8, 8, 0, 0, TimeSpan.FromHours(8)), Delivery.DeliveryTime(arrival));
    }

    [Fact]
    public void Delivery_during_office_hours_is_immediate_and_before_8_waits_until_8_the_same_day()
    {
        var during = new DateTimeOffset(2024, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
        var early = new DateTimeOffset(2024, 11, 25, 6, 59, 0, TimeSpan.FromHours(8));

        Assert.Equal(during, Delivery.DeliveryTime(during));
        Assert.Equal(new DateTimeOffset(2024, 11, 25, 8, 0, 0, TimeSpan.FromHours(8)), Delivery.DeliveryTime(early));
        // 20:00 itself is already quiet; a UTC timestamp is read as Beijing time.
        Assert.Equal(new DateTimeOffset(2024, 11, 26, 8, 0, 0, TimeSpan.FromHours(8)),
            Delivery.DeliveryTime(new DateTimeOffset(2024, 11, 25, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Past_the_last_notice_days_are_provisional_monday_to_friday_and_before_2017_there_are_none()
    {
        var beyond = Calendar.LastDate.AddDays(1);
        var saturday = Enumerable.Range(1, 7).Select(i => Calendar.LastDate.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);

        Assert.Equal(new CalendarDay(beyond, beyond.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null, Provisional: true), Calendar.GetDay(beyond));
        Assert.False(Calendar.IsWorkingDay(saturday));
        Assert.True(Calendar.IsWorkingDay(saturday.AddDays(2)));
        Assert.False(Calendar.GetDay(Calendar.LastDate).Provisional);
        // Ten working days from three days before the end count the last official days, then Monday to Friday.
        var due = Calendar.AddWorkingDays(Calendar.LastDate.AddDays(-3), 10);
        Assert.True(Calendar.IsProvisional(due));
        Assert.Equal(10, Calendar.CountWorkingDays(Calendar.LastDate.AddDays(-3), due));
        Assert.Throws<CalendarRangeException>(() => Calendar.GetDay(D("2016-12-31")));
        // Bounded, so no count runs forever and no date overflows.
        var error = Assert.Throws<CalendarRangeException>(() => Calendar.GetDay(Calendar.ProvisionalUntil.AddDays(1)));
        Assert.Contains(Calendar.ProvisionalUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), error.Message);
        Assert.Throws<CalendarRangeException>(() => Calendar.GetDay(DateOnly.MaxValue));
    }

    [Fact]
    public void The_data_runs_from_2017_to_the_end_of_a_published_year()
    {
        Assert.Equal(D("2017-01-01"), Calendar.FirstDate);
        Assert.Equal(12, Calendar.LastDate.Month);
        Assert.Equal(31, Calendar.LastDate.Day);
        Assert.True(Calendar.LastDate.Year >= 2026);
    }
}
