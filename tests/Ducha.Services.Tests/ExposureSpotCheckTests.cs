using Ducha.BuildingBlocks.Sampling;
using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using static Ducha.Services.Tests.ExposureAccountabilitySteps;
using SpotCheckEntity = Ducha.Exposure.Domain.SpotCheck;

namespace Ducha.Services.Tests;

/// <summary>The province's spot checks (抽查): a sample anyone can draw again from its seed, and the findings on it.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureSpotCheckTests(StandaloneFixture host)
{
    private const string Suzhou = "320500", Huqiu = "320505";
    private readonly ExposureAccountabilitySteps _steps = new(host);

    private async Task<List<string>> AiredAsync(int month, int problems)
    {
        var ids = new List<string>();
        for (var day = 1; day <= problems; day++)
            ids.Add((await _steps.AiredAsync(Huqiu, Evening(2022, month, day), polluter: $"某化工有限公司{day}号厂")).Problem.Id);
        return ids;
    }

    private static string RefusedField(RpcException error) => error.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer) ?? "";

    [Fact]
    public async Task The_spot_check_sample_is_the_same_when_drawn_again_from_its_seed()
    {
        var aired = await AiredAsync(1, 5);

        var drawn = await _steps.Province.DrawSpotCheckAsync(new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2022-01", Count = 3 });
        var read = await _steps.Province.GetSpotCheckAsync(new GetSpotCheckRequest { Id = drawn.Id });

        Assert.Equal(drawn, read);
        Assert.Equal(ReproducibleDraw.Procedure, read.Procedure);
        Assert.Equal(64, read.Seed.Length);
        Assert.Equal(aired.Order(StringComparer.Ordinal), read.CandidateIds);
        Assert.Equal(3, read.SampleIds.Count);
        Assert.Subset(aired.ToHashSet(), read.SampleIds.ToHashSet());
        // Anyone holding the record draws it again: the same problems, in the same order, whatever order they list the candidates in.
        Assert.Equal(read.SampleIds, ReproducibleDraw.Draw(read.Seed, read.CandidateIds.Reverse(), read.Count));
    }

    [Fact]
    public async Task A_city_is_sampled_once_a_period_by_the_province_office_only()
    {
        await AiredAsync(2, 2);
        var request = new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2022-02", Count = 1 };

        var byCity = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Suzhou).DrawSpotCheckAsync(request).ResponseAsync);
        await _steps.Province.DrawSpotCheckAsync(request);
        var before = await host.CountAsync<ExposureDbContext, SpotCheckEntity>();
        var again = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.DrawSpotCheckAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, byCity.StatusCode);
        Assert.Equal((StatusCode.FailedPrecondition, "period"), (again.StatusCode, RefusedField(again)));
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, SpotCheckEntity>());
    }

    [Fact]
    public async Task A_sample_larger_than_the_problems_aired_or_of_a_month_without_any_is_refused_and_not_stored()
    {
        await AiredAsync(3, 2);
        var before = await host.CountAsync<ExposureDbContext, SpotCheckEntity>();

        var tooMany = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.DrawSpotCheckAsync(
            new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2022-03", Count = 3 }).ResponseAsync);
        var none = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.DrawSpotCheckAsync(
            new DrawSpotCheckRequest { CityCode = Suzhou, Period = "1999-03", Count = 1 }).ResponseAsync);
        var noCount = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.DrawSpotCheckAsync(
            new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2022-03" }).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "count"), (tooMany.StatusCode, RefusedField(tooMany)));
        Assert.Equal((StatusCode.FailedPrecondition, "period"), (none.StatusCode, RefusedField(none)));
        Assert.Equal((StatusCode.InvalidArgument, "count"), (noCount.StatusCode, RefusedField(noCount)));
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, SpotCheckEntity>());
    }

    [Fact]
    public async Task Each_sampled_problems_finding_is_recorded_once_by_the_drawing_office()
    {
        var aired = await AiredAsync(4, 3);
        var check = await _steps.Province.DrawSpotCheckAsync(new DrawSpotCheckRequest { CityCode = Suzhou, Period = "2022-04", Count = 2 });
        var outside = aired.Except(check.SampleIds).Single();
        RecordSpotCheckFindingRequest Finding(string exposureId) => new()
        {
            SpotCheckId = check.Id, ExposureId = exposureId, RectificationHeld = false, AccountabilityHeld = true, Finding = "现场复查发现雨水排口仍有废水排出，整改不到位",
        };

        var recorded = await _steps.Province.RecordSpotCheckFindingAsync(Finding(check.SampleIds[0]));
        var twice = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.RecordSpotCheckFindingAsync(Finding(check.SampleIds[0])).ResponseAsync);
        var notSampled = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.RecordSpotCheckFindingAsync(Finding(outside)).ResponseAsync);
        var byCity = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Suzhou).RecordSpotCheckFindingAsync(Finding(check.SampleIds[1])).ResponseAsync);
        var noText = Finding(check.SampleIds[1]);
        noText.Finding = " ";
        var blank = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.RecordSpotCheckFindingAsync(noText).ResponseAsync);

        var finding = Assert.Single(recorded.Findings);
        Assert.Equal((check.SampleIds[0], false, true), (finding.ExposureId, finding.RectificationHeld, finding.AccountabilityHeld));
        Assert.Contains("整改不到位", finding.Finding);
        Assert.Equal((StatusCode.FailedPrecondition, "exposure_id"), (twice.StatusCode, RefusedField(twice)));
        Assert.Equal((StatusCode.FailedPrecondition, "exposure_id"), (notSampled.StatusCode, RefusedField(notSampled)));
        Assert.Equal(StatusCode.PermissionDenied, byCity.StatusCode);
        Assert.Equal((StatusCode.InvalidArgument, "finding"), (blank.StatusCode, RefusedField(blank)));
        Assert.Equal(recorded, await _steps.Province.GetSpotCheckAsync(new GetSpotCheckRequest { Id = check.Id }));
    }
}
