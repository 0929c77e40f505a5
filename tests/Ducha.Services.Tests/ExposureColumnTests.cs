using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using ColumnEntity = Ducha.Exposure.Domain.Column;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class ExposureColumnTests(StandaloneFixture host)
{
    [Fact]
    public async Task The_province_TV_column_airs_Monday_Wednesday_and_Friday_three_a_week_without_follow_ups_by_default()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");

        Assert.Equal([Weekday.Monday, Weekday.Wednesday, Weekday.Friday], column.AirDays);
        Assert.Equal(RhythmPeriod.Week, column.Period);
        Assert.Equal(3, column.Minimum);
        Assert.False(column.CarriesFollowUps);
        Assert.False(column.HolidaysLowerMinimum);
        Assert.Equal(column, await ExposureTestData.Client(host.Invoker).GetColumnAsync(new GetColumnRequest { Id = column.Id }));
    }

    [Fact]
    public async Task A_city_column_owes_three_a_week_on_weekdays_from_2017_06_19_and_its_newspaper_two_a_month()
    {
        var tv = await ExposureTestData.ColumnAsync(host, "320500");
        var paper = await ExposureTestData.ColumnAsync(host, "320500", MediaKind.Newspaper);

        Assert.Equal([Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday], tv.AirDays);
        Assert.Equal((RhythmPeriod.Week, 3, "2017-06-19", true), (tv.Period, tv.Minimum, tv.StartDate, tv.CarriesFollowUps));
        Assert.Equal((RhythmPeriod.Month, 2), (paper.Period, paper.Minimum));
    }

    [Fact]
    public async Task Rhythm_fields_that_are_set_replace_the_defaults()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320505", change: r =>
        {
            r.AirDays.Add(Weekday.Tuesday);
            r.AirDays.Add(Weekday.Thursday);
            r.Minimum = 2;
            r.StartDate = "2024-01-01";
            r.CarriesFollowUps = false;
            r.HolidaysLowerMinimum = true;
        });

        Assert.Equal([Weekday.Tuesday, Weekday.Thursday], column.AirDays);
        Assert.Equal((2, "2024-01-01", false, true), (column.Minimum, column.StartDate, column.CarriesFollowUps, column.HolidaysLowerMinimum));
    }

    [Theory]
    [InlineData("320500")] // a sibling city
    [InlineData("320000")] // the province: a level runs its own columns, not its cities'
    public async Task Only_the_office_of_the_outlets_own_jurisdiction_opens_a_column_on_it(string caller)
    {
        var outlet = await ExposureTestData.Client(host.Invoker).CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = "320200", Name = "无锡电视台", Kind = MediaKind.Tv, WeeklyQuota = 3,
        });
        var before = await host.CountAsync<ExposureDbContext, ColumnEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As(caller))
            .CreateColumnAsync(new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ColumnEntity>());
    }

    [Theory]
    [InlineData("media_outlet_id", StatusCode.InvalidArgument)]
    [InlineData("start_date", StatusCode.InvalidArgument)]
    [InlineData("minimum", StatusCode.InvalidArgument)]
    [InlineData("air_days", StatusCode.InvalidArgument)]
    public async Task Bad_column_input_is_refused_naming_the_field_and_nothing_is_stored(string field, StatusCode expected)
    {
        var outlet = await ExposureTestData.Client(host.Invoker).CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = "320500", Name = "苏州电视台", Kind = MediaKind.Tv, WeeklyQuota = 3,
        });
        var request = new CreateColumnRequest { MediaOutletId = outlet.Id, Name = "263在行动" };
        switch (field)
        {
            case "media_outlet_id": request.MediaOutletId = "no-such-outlet"; break;
            case "start_date": request.StartDate = "2024-13-01"; break;
            case "minimum": request.Minimum = 0; break;
            case "air_days": request.AirDays.Add(Weekday.Unspecified); break;
        }
        var before = await host.CountAsync<ExposureDbContext, ColumnEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => ExposureTestData.Client(host.As("320500")).CreateColumnAsync(request).ResponseAsync);

        Assert.Equal(expected, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail["Invalid request: ".Length..]);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ColumnEntity>());
    }
}
