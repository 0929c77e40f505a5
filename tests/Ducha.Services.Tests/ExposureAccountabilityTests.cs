using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using static Ducha.Services.Tests.ExposureAccountabilitySteps;
using CasesV1 = Ducha.Contracts.Cases.V1;
using ReportEntity = Ducha.Exposure.Domain.AccountabilityReport;

namespace Ducha.Services.Tests;

/// <summary>A city's accountability report on a month: generated from Cases, counted by rank and sanction, versioned, its own.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class ExposureAccountabilityTests(StandaloneFixture host)
{
    private const string Suzhou = "320500", Huqiu = "320505", Wuzhong = "320506", Wuxi = "320200";
    private readonly ExposureAccountabilitySteps _steps = new(host);

    private static SubmitAccountabilityReportRequest Submit(string city, string period, string remarks = "") =>
        new() { CityCode = city, Period = period, Remarks = remarks };

    [Fact]
    public async Task A_citys_report_counts_per_problem_the_people_cases_recorded_by_rank_and_sanction_and_names_nobody()
    {
        var (first, firstCase) = await _steps.AiredAsync(Huqiu, Evening(2023, 1, 9));
        var (second, secondCase) = await _steps.AiredAsync(Wuzhong, Evening(2023, 1, 31));
        await _steps.AiredAsync("320213", Evening(2023, 1, 11)); // Wuxi's, not Suzhou's
        await _steps.AiredAsync(Huqiu, Evening(2023, 2, 1)); // the next month
        await _steps.HoldAccountableAsync(Suzhou, firstCase,
            Person("陈某", "虎丘区副区长", CasesV1.CadreRank.Division, CasesV1.Sanction.Criticism),
            Person("刘某", "浒墅关镇环保办主任", CasesV1.CadreRank.Section, CasesV1.Sanction.Admonition, "已履职尽责，企业隐蔽偷排难以预见"));
        await _steps.HoldAccountableAsync(Suzhou, secondCase, Person("王某", "吴中区生态环境局科长", CasesV1.CadreRank.Section, CasesV1.Sanction.Admonition));

        var report = await _steps.Office(Suzhou).SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-01", "两起问题均已启动问责"));

        Assert.Equal((Suzhou, "2023-01", 1, "两起问题均已启动问责"), (report.CityCode, report.Period, report.Version, report.Remarks));
        Assert.Equal([first.Id, second.Id], report.Problems.Select(p => p.ExposureId));
        Assert.Equal((firstCase, Huqiu, "2023-01-09"), (report.Problems[0].CaseId, report.Problems[0].PlaceJurisdictionCode, report.Problems[0].AiredOn));
        Assert.Equal([Tally(CadreRank.Division, Sanction.Criticism, 1), Tally(CadreRank.Section, Sanction.Admonition, 1, faultTolerated: true)],
            report.Problems[0].People);
        Assert.Equal([Tally(CadreRank.Section, Sanction.Admonition, 1)], report.Problems[1].People);
        Assert.Equal([Tally(CadreRank.Division, Sanction.Criticism, 1), Tally(CadreRank.Section, Sanction.Admonition, 1),
            Tally(CadreRank.Section, Sanction.Admonition, 1, faultTolerated: true)], report.Totals);
        // Due on 2023-02-10; the host's clock stands in September 2024.
        Assert.Equal(("2023-02-10", true), (report.DueDate, report.Late));
        var json = Google.Protobuf.JsonFormatter.Default.Format(report);
        foreach (var personal in new[] { "陈某", "刘某", "王某", "副区长", "环保办主任", "科长", "难以预见" })
            Assert.DoesNotContain(personal, json);
        Assert.Equal(report, await _steps.Province.GetAccountabilityReportAsync(new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-01" }));
    }

    [Fact]
    public async Task A_corrected_report_is_version_2_generated_anew_and_version_1_stays_readable()
    {
        var (_, caseId) = await _steps.AiredAsync(Huqiu, Evening(2023, 2, 6));
        await _steps.HoldAccountableAsync(Suzhou, caseId, Person("陈某", "虎丘区副区长", CasesV1.CadreRank.Division, CasesV1.Sanction.Criticism));
        var city = _steps.Office(Suzhou);
        await city.SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-02", "初报"));
        await _steps.HoldAccountableAsync(Suzhou, caseId, Person("赵某", "虎丘区生态环境局局长", CasesV1.CadreRank.Division, CasesV1.Sanction.Government));

        var corrected = await city.SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-02", "补报一人政务处分"));

        var latest = await _steps.Province.GetAccountabilityReportAsync(new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-02" });
        var first = await _steps.Province.GetAccountabilityReportAsync(new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-02", Version = 1 });
        Assert.Equal((2, "补报一人政务处分"), (corrected.Version, corrected.Remarks));
        Assert.Equal(corrected, latest);
        Assert.Equal((1, "初报"), (first.Version, first.Remarks));
        Assert.Equal([Tally(CadreRank.Division, Sanction.Criticism, 1)], first.Totals);
        Assert.Equal([Tally(CadreRank.Division, Sanction.Criticism, 1), Tally(CadreRank.Division, Sanction.Government, 1)], corrected.Totals);
        Assert.Equal(first, await city.GetAccountabilityReportAsync(new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-02", Version = 1 }));
        var missing = await Assert.ThrowsAsync<RpcException>(() => city.GetAccountabilityReportAsync(
            new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-02", Version = 3 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        // The statistics count the latest version only: two at division rank, not three.
        var statistics = await city.GetExposureStatisticsAsync(new GetExposureStatisticsRequest { From = "2023-02-06", To = "2023-02-06" });
        Assert.Equal([new RankCount { Rank = CadreRank.Division, Sanctioned = 2 }], statistics.AccountabilityByRank);
    }

    [Fact]
    public async Task Only_the_city_submits_its_report_and_a_sibling_or_a_county_sees_nothing_of_it()
    {
        await _steps.AiredAsync(Huqiu, Evening(2023, 3, 6));
        await _steps.Office(Suzhou).SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-03"));
        var before = await host.CountAsync<ExposureDbContext, ReportEntity>();
        var read = new GetAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-03" };

        var siblingReads = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Wuxi).GetAccountabilityReportAsync(read).ResponseAsync);
        var countyReads = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Huqiu).GetAccountabilityReportAsync(read).ResponseAsync);
        var siblingSubmits = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Wuxi).SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-03")).ResponseAsync);
        var provinceSubmits = await Assert.ThrowsAsync<RpcException>(() => _steps.Province.SubmitAccountabilityReportAsync(Submit(Suzhou, "2023-03")).ResponseAsync);
        var siblingDrafts = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Wuxi)
            .DraftAccountabilityReportAsync(new DraftAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-03" }).ResponseAsync);

        Assert.All(new[] { siblingReads, countyReads, siblingSubmits, provinceSubmits, siblingDrafts }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ReportEntity>());
        Assert.Equal(1, (await _steps.Office(Suzhou).GetAccountabilityReportAsync(read)).Version);
    }

    [Fact]
    public async Task A_draft_says_what_a_submission_would_and_stores_nothing()
    {
        var (problem, caseId) = await _steps.AiredAsync(Huqiu, Evening(2023, 7, 3));
        await _steps.HoldAccountableAsync(Suzhou, caseId, Person("陈某", "虎丘区副区长", CasesV1.CadreRank.Bureau, CasesV1.Sanction.PartyDiscipline));
        var before = await host.CountAsync<ExposureDbContext, ReportEntity>();

        var draft = await _steps.Office(Suzhou).DraftAccountabilityReportAsync(new DraftAccountabilityReportRequest { CityCode = Suzhou, Period = "2023-07" });

        Assert.Equal((0, "", null), (draft.Version, draft.Id, draft.SubmittedAt));
        Assert.Equal(problem.Id, Assert.Single(draft.Problems).ExposureId);
        Assert.Equal([Tally(CadreRank.Bureau, Sanction.PartyDiscipline, 1)], draft.Totals);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ReportEntity>());
    }

    [Theory]
    [InlineData("city_code", "3205", "2023-08")]
    [InlineData("city_code", "320599", "2023-08")] // no such jurisdiction
    [InlineData("city_code", Huqiu, "2023-08")] // a county, not a city
    [InlineData("period", Suzhou, "2023-8")]
    [InlineData("period", Suzhou, "2023-13")]
    [InlineData("period", Suzhou, "2023-08-01")]
    [InlineData("period", Suzhou, "")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_stored(string field, string city, string period)
    {
        var before = await host.CountAsync<ExposureDbContext, ReportEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Suzhou).SubmitAccountabilityReportAsync(Submit(city, period)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail["Invalid request: ".Length..]);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, ReportEntity>());
    }

    [Fact]
    public async Task A_month_that_has_not_ended_is_refused_naming_period()
    {
        // The host's clock stands on 2024-09-27: September is still running.
        var error = await Assert.ThrowsAsync<RpcException>(() => _steps.Office(Suzhou).SubmitAccountabilityReportAsync(Submit(Suzhou, "2024-09")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("period", error.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
    }
}
