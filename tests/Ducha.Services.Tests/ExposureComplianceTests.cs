using Ducha.BuildingBlocks;
using Ducha.Exposure.Domain;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Services.Tests;

/// <summary>
/// A column's week against its minimum, computed in the domain with programmes marked aired through the aggregate: the
/// host's clock stands still on one Friday, and airing over the API is a later slice.
/// </summary>
public sealed class ExposureComplianceTests
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();
    private static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded();
    private static readonly Actor ProvinceOffice = new("office-320000", Role.Office, "320000", "province");
    private static readonly DateTimeOffset Proposed = new(2024, 10, 10, 9, 0, 0, TimeSpan.FromHours(8));
    // Airings are recorded after the fact: "now" lies after every airing these tests record.
    private static readonly DateTimeOffset AfterAll = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    // Mon 2024-10-14 … Sun 2024-10-20: an ordinary working week after the National Day holiday.
    private static readonly DateOnly Monday = new(2024, 10, 14), Wednesday = new(2024, 10, 16), Friday = new(2024, 10, 18);

    private static Column ProvinceColumn(bool holidaysLowerMinimum = false)
    {
        var outlet = MediaOutlet.Register("320000", "江苏卫视", MediaKind.Tv, null, 3, null, Proposed);
        return Column.Open(outlet, JurisdictionLevel.Province, "263在行动", new RhythmChoice(HolidaysLowerMinimum: holidaysLowerMinimum), ProvinceOffice, null, Proposed);
    }

    private static ExposureProblem Problem(Column column, string place = "320505") => ExposureProblem.Propose(column, JurisdictionLevel.Province,
        new ProblemReport(place, "某路1号", "某化工有限公司", PollutionType.Water, "偷排", SelectionReasons.ManyComplaints, [], null, null),
        Tree, ProvinceOffice, null, Proposed);

    private static Programme Schedule(Column column, DateOnly day, ExposureProblem problem) =>
        Programme.Schedule(column, day, [problem], false, ProvinceOffice, null, Proposed);

    private static DateTimeOffset Evening(DateOnly day) => BeijingTime.At(day.ToDateTime(new TimeOnly(19, 30)));

    private static PeriodCompliance Week(Column column, IEnumerable<Programme> programmes, DateOnly today) =>
        Assert.Single(ColumnCompliance.Compute(column, programmes, Monday, Monday.AddDays(6), today, Calendar));

    [Fact]
    public void Two_of_three_aired_when_the_week_is_over_is_missed()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var programmes = new[] { Schedule(column, Monday, problem), Schedule(column, Wednesday, problem) };
        foreach (var p in programmes) p.RecordAiring(Evening(p.AirDate), ProvinceOffice, [problem], Tree, Calendar, AfterAll);

        var week = Week(column, programmes, today: Monday.AddDays(7));

        Assert.Equal((3, 2, 2, false, true), (week.Minimum, week.Planned, week.Aired, week.ShortOfMinimum, week.Missed));
    }

    [Fact]
    public void The_week_is_missed_before_it_is_over_once_the_remaining_air_days_cannot_reach_three()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var monday = Schedule(column, Monday, problem);
        monday.RecordAiring(Evening(Monday), ProvinceOffice, [problem], Tree, Calendar, AfterAll);
        // Wednesday passed without a programme: Monday's one plus Friday's can make two at most.

        var thursday = Week(column, [monday], today: Wednesday.AddDays(1));
        var wednesday = Week(column, [monday], today: Wednesday);

        Assert.True(thursday.Missed);
        Assert.False(wednesday.Missed);
    }

    [Fact]
    public void A_week_whose_scheduled_programmes_cannot_reach_the_minimum_is_short_while_there_is_time_and_not_once_the_third_is_planned()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var planned = new List<Programme> { Schedule(column, Monday, problem), Schedule(column, Wednesday, problem) };

        var twoPlanned = Week(column, planned, today: Monday);
        planned.Add(Schedule(column, Friday, problem));
        var threePlanned = Week(column, planned, today: Monday);

        Assert.Equal((2, true, false), (twoPlanned.Planned, twoPlanned.ShortOfMinimum, twoPlanned.Missed));
        Assert.Equal((3, false, false), (threePlanned.Planned, threePlanned.ShortOfMinimum, threePlanned.Missed));
    }

    [Fact]
    public void Three_aired_is_neither_short_nor_missed()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var programmes = new[] { Monday, Wednesday, Friday }.Select(d => Schedule(column, d, problem)).ToList();
        foreach (var p in programmes) p.RecordAiring(Evening(p.AirDate), ProvinceOffice, [problem], Tree, Calendar, AfterAll);

        var week = Week(column, programmes, today: Friday.AddDays(1));

        Assert.Equal((3, 3, false, false), (week.Planned, week.Aired, week.ShortOfMinimum, week.Missed));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 1)] // 2 and 4 October are Wednesday and Friday of the National Day holiday
    public void A_public_holiday_lowers_the_minimum_only_when_the_column_says_so(bool holidaysLowerMinimum, int minimum)
    {
        var column = ProvinceColumn(holidaysLowerMinimum);
        var week = Assert.Single(ColumnCompliance.Compute(column, [], new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 6), new DateOnly(2024, 9, 27), Calendar));

        Assert.Equal(minimum, week.Minimum);
    }

    [Fact]
    public void A_problem_becomes_visible_to_the_places_concerned_when_its_programme_airs()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var county = new Actor("office-320505", Role.Office, "320505", "county");
        var sibling = new Actor("office-320506", Role.Office, "320506", "county");
        var programme = Schedule(column, Monday, problem);

        var before = problem.CanSee(county, Tree);
        programme.RecordAiring(Evening(Monday), ProvinceOffice, [problem], Tree, Calendar, AfterAll);

        Assert.False(before);
        Assert.True(problem.CanSee(county, Tree));
        Assert.False(problem.CanSee(sibling, Tree));
        Assert.True(problem.CanSee(ProvinceOffice, Tree));
    }

    [Fact]
    public void A_programme_airs_once_and_not_before_its_air_date()
    {
        var column = ProvinceColumn();
        var problem = Problem(column);
        var programme = Schedule(column, Wednesday, problem);

        var early = Assert.Throws<DomainRuleException>(() => programme.RecordAiring(Evening(Monday), ProvinceOffice, [problem], Tree, Calendar, AfterAll));
        programme.RecordAiring(Evening(Wednesday), ProvinceOffice, [problem], Tree, Calendar, AfterAll);
        Assert.Throws<DomainRuleException>(() => programme.RecordAiring(Evening(Friday), ProvinceOffice, [problem], Tree, Calendar, AfterAll));

        Assert.Equal("aired_at", Assert.Single(early.Fields));
        Assert.Equal(Evening(Wednesday), problem.AiredAt);
    }
}
