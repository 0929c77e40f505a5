using Ducha.Reference;
using Ducha.Reference.Calendar;

namespace Ducha.Reference.Tests;

/// <summary>An operator appends next year's holiday notice before a release ships it.</summary>
public sealed class CalendarExtensionTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    // Test data in the notice's shape, not the real 2027 notice (which no source here has).
    private const string NextYear = """
        { "source": "test notice", "firstDate": "2027-01-01", "lastDate": "2027-12-31",
          "holidays": { "2027-01-01": "元旦", "2027-02-08": "春节", "2027-02-09": "春节" },
          "workdays": { "2027-02-06": "春节" } }
        """;

    [Fact]
    public void Deadlines_run_on_into_the_added_year_with_its_holidays_and_make_up_days()
    {
        File.WriteAllText(_file, NextYear);

        var calendar = ReferenceRegistration.LoadCalendar(_file);

        Assert.Equal(new DateOnly(2027, 12, 31), calendar.LastDate);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 6)));
        // Thursday 2026-12-31: Friday 1 January is a holiday, so the first working day is Monday the 4th.
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
        Assert.Contains("test notice", calendar.Source);
    }

    [Fact]
    public void Without_a_file_the_shipped_calendar_is_used()
    {
        Assert.Equal(WorkingCalendar.LoadEmbedded().LastDate, ReferenceRegistration.LoadCalendar(null).LastDate);
    }

    [Theory]
    [InlineData("""{ "source": "gap", "firstDate": "2027-01-02", "lastDate": "2027-12-31", "holidays": {}, "workdays": {} }""", "must start on 2027-01-01")]
    [InlineData("""{ "source": "both", "firstDate": "2027-01-01", "lastDate": "2027-12-31", "holidays": { "2027-02-06": "春节" }, "workdays": { "2027-02-06": "春节" } }""", "both as a holiday")]
    [InlineData("""{ "source": "outside", "firstDate": "2027-01-01", "lastDate": "2027-06-30", "holidays": { "2027-10-01": "国庆节" }, "workdays": {} }""", "outside its own")]
    [InlineData("""{ "source": "broken" """, "cannot be used")]
    public void A_file_that_does_not_fit_stops_start_up_with_the_reason(string json, string reason)
    {
        File.WriteAllText(_file, json);

        var error = Assert.Throws<InvalidOperationException>(() => ReferenceRegistration.LoadCalendar(_file));

        Assert.Contains(reason, error.Message);
        Assert.Contains(_file, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReferenceRegistration.LoadCalendar("/nonexistent/calendar-2027.json"));

        Assert.Contains("calendar-2027.json", error.Message);
    }
}
