using Ducha.Reference;
using Ducha.Reference.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Ducha.Reference.Tests;

/// <summary>Operators are told, through health and the start-up log, weeks before the calendar runs out.</summary>
public sealed class CalendarHorizonTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    private static async Task<HealthReportEntry> HealthAtAsync(DateTimeOffset now, string? calendarFile = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        if (calendarFile is not null) services.AddSingleton(ReferenceRegistration.LoadCalendar(calendarFile));
        await using var provider = services.AddReferenceData().BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["working-day-calendar"];
    }

    private static DateTimeOffset Beijing(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Two_months_ahead_the_calendar_is_healthy()
    {
        var entry = await HealthAtAsync(Beijing(2026, 10, 31));

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("2026-12-31", entry.Description);
    }

    [Fact]
    public async Task Within_two_months_of_its_end_health_is_degraded_and_says_what_to_add()
    {
        var entry = await HealthAtAsync(Beijing(2026, 11, 23));

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("ends on 2026-12-31, in 38 days", entry.Description);
        Assert.Contains("Reference__CalendarFile (starting 2027-01-01)", entry.Description);
    }

    [Fact]
    public async Task Past_its_end_health_says_deadlines_are_provisional()
    {
        var entry = await HealthAtAsync(Beijing(2027, 1, 4));

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("ended on 2026-12-31", entry.Description);
        Assert.Contains("provisional (Monday to Friday)", entry.Description);
    }

    [Fact]
    public async Task Once_next_year_is_added_health_is_restored()
    {
        File.WriteAllText(_file, """
            { "source": "test notice", "firstDate": "2027-01-01", "lastDate": "2027-12-31",
              "holidays": { "2027-01-01": "元旦" }, "workdays": {} }
            """);

        var entry = await HealthAtAsync(Beijing(2026, 11, 23), _file);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("2027-12-31", entry.Description);
    }
}
