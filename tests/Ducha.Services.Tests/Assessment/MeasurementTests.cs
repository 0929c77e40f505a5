using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using MeasurementEntity = Ducha.Assessment.Domain.Measurements.Measurement;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Measured values over gRPC: recorded from at or above the jurisdiction for an indicator a scheme measures, replaced by
/// recording again with the history kept, and read by the sheets as current values. Gansu (62xxxx) is used by no other
/// test of this host.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class MeasurementTests(StandaloneFixture host) : IAsyncLifetime
{
    private const string Gansu = "620000", Lanzhou = "620100", Chengguan = "620102", Qilihe = "620103", Jiayuguan = "620200";

    private AssessmentClient As(string jurisdiction, string role = "office") => new(host.As(jurisdiction, role));

    // The province's scheme measures pm25 and good-air-days; a draft is enough for its indicators to be recorded.
    public async Task InitializeAsync()
    {
        var scheme = SchemeTestData.Own(Gansu, 2024);
        scheme.IdempotencyKey = "measurement-tests-gansu-2024";
        await As(Gansu).CreateSchemeAsync(scheme);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static RecordMeasurementRequest Value(string jurisdiction, string indicator, double value, int year = 2024, Period period = Period.YearEnd,
        string source = "兰州市生态环境监测站年报") => new()
    {
        JurisdictionCode = jurisdiction, IndicatorCode = indicator, Year = year, Period = period, Value = value, Source = source,
    };

    [Fact]
    public async Task A_value_recorded_again_replaces_the_first_which_stays_listed_no_longer_current()
    {
        var first = await As(Lanzhou).RecordMeasurementAsync(Value(Chengguan, "pm25", 45.2));
        var halfYear = await As(Gansu, "lead_department").RecordMeasurementAsync(Value(Chengguan, "pm25", 51, period: Period.HalfYear, source: "省监测中心半年通报"));
        var second = await As(Lanzhou, "assessor").RecordMeasurementAsync(Value(Chengguan, "pm25", 43.8, source: "兰州市生态环境监测站年报（更正）"));
        var baseline = await As(Chengguan).RecordMeasurementAsync(Value(Chengguan, "pm25", 60.1, year: 2015, source: "2015年环境质量公报"));

        var listed = await As(Chengguan).ListMeasurementsAsync(new ListMeasurementsRequest { JurisdictionCode = Chengguan, Year = 2024 });
        var everyYear = await As(Lanzhou).ListMeasurementsAsync(new ListMeasurementsRequest { JurisdictionCode = Chengguan });

        Assert.Equal((Lanzhou, true, 45.2), (first.RecordedByJurisdictionCode, first.Current, first.Value));
        Assert.Equal([second.Id, halfYear.Id, first.Id], listed.Measurements.Select(m => m.Id));
        Assert.Equal([true, true, false], listed.Measurements.Select(m => m.Current));
        Assert.Equal("兰州市生态环境监测站年报（更正）", listed.Measurements[0].Source);
        Assert.Equal([2024, 2024, 2024, 2015], everyYear.Measurements.Select(m => m.Year));
        await using var scope = host.Services.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<IMeasurementSource>()
            .CurrentAsync([Chengguan, Qilihe], [2015, 2024], CancellationToken.None);
        Assert.Equal([(2015, "YearEnd", 60.1), (2024, "HalfYear", 51.0), (2024, "YearEnd", 43.8)],
            current.OrderBy(v => v.Year).ThenBy(v => v.Period).Select(v => (v.Year, v.Period.ToString(), v.Value)));
        Assert.Equal(baseline.Id, everyYear.Measurements[^1].Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_records_once()
    {
        var request = Value(Qilihe, "good-air-days", 80.3, year: 2023);
        request.IdempotencyKey = "qilihe-good-air-2023";
        var before = await host.CountAsync<AssessmentDbContext, MeasurementEntity>();

        var first = await As(Lanzhou).RecordMeasurementAsync(request);
        var retried = await As(Lanzhou).RecordMeasurementAsync(request);

        Assert.Equal(first, retried);
        Assert.Equal(before + 1, await host.CountAsync<AssessmentDbContext, MeasurementEntity>());
    }

    [Theory]
    [InlineData("no-such-indicator")]
    [InlineData("problems-solved")] // computed from Cases, never recorded
    public async Task An_indicator_no_scheme_above_measures_is_refused_naming_indicator_code(string indicator)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => As(Lanzhou).RecordMeasurementAsync(Value(Chengguan, indicator, 1)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("indicator_code", error.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
    }

    [Fact]
    public async Task An_indicator_of_another_province_scheme_is_refused()
    {
        // Gansu's and Yunnan's schemes measure pm25, but neither assesses Tibet, which has no scheme of its own.
        var error = await Assert.ThrowsAsync<RpcException>(() => As("540000").RecordMeasurementAsync(Value("540102", "pm25", 30)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Theory]
    [InlineData(Qilihe, "office")]     // a sibling county
    [InlineData(Jiayuguan, "office")]  // another city
    [InlineData(Lanzhou, "handler")]
    [InlineData(Lanzhou, "discipline")]
    [InlineData(Gansu, "admin")]
    public async Task A_caller_out_of_reach_or_of_another_role_is_refused_and_nothing_is_stored(string caller, string role)
    {
        var before = await host.CountAsync<AssessmentDbContext, MeasurementEntity>();
        var client = role == "handler" ? new AssessmentClient(host.AsUnit(caller, "兰州市生态环境局")) : As(caller, role);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.RecordMeasurementAsync(Value(Chengguan, "pm25", 40, year: 2022)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await host.CountAsync<AssessmentDbContext, MeasurementEntity>());
    }

    [Fact]
    public async Task A_sibling_cannot_list_another_county_values()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => As(Qilihe).ListMeasurementsAsync(new ListMeasurementsRequest { JurisdictionCode = Chengguan }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    public static TheoryData<string> BadInputs => new() { "value", "source", "year", "period", "indicator_code", "jurisdiction_code" };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_naming_the_field(string field)
    {
        var request = Value(Chengguan, "pm25", 40);
        switch (field)
        {
            case "value": request.Value = double.NaN; break;
            case "source": request.Source = " "; break;
            case "year": request.Year = 1999; break;
            case "period": request.Period = Period.Unspecified; break;
            case "indicator_code": request.IndicatorCode = ""; break;
            case "jurisdiction_code": request.JurisdictionCode = "62010"; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => As(Lanzhou).RecordMeasurementAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, error.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
    }
}
