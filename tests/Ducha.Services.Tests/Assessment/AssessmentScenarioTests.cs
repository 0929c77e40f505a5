using System.Net;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.Cases.V1;
using CadreRank = Ducha.Contracts.Cases.V1.CadreRank;
using Sanction = Ducha.Contracts.Cases.V1.Sanction;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// The year as the province's assessment sees it, end to end: cases handled and mishandled in Cases, airings followed up
/// late in Exposure, a scheme of the province's own, measured values and a veto — and 绵阳市's sheet shows exactly the
/// deductions those events make, each with its case, while 德阳市 scores higher but is vetoed, so the scheme's ranking
/// puts 绵阳市 first. A rebuild from the applied-event log and a second delivery of every event leave the sheets as they were.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class AssessmentScenarioTests(StandaloneFixture host)
{
    private const string Province = FactSteps.Province, Mianyang = "510700", Deyang = "510600";
    private const string Tolerance = "已履职尽责，企业夜间偷排且刻意隐瞒，难以及时发现";
    private static readonly DateTimeOffset AiredAt = new(2024, 9, 27, 9, 40, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset LateNovember = new(2024, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FactSteps _steps = new(host, Mianyang, "510703", "涪城区");
    private Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient ProvinceOffice => _steps.Assessment(Province);

    [Fact]
    public async Task A_city_sheet_shows_exactly_the_deductions_its_year_made_and_a_veto_ranks_a_higher_score_below_it()
    {
        await ProvinceOffice.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = (await ProvinceOffice.CreateSchemeAsync(new CreateSchemeRequest
        {
            JurisdictionCode = Province, Year = FactSteps.Year, Audience = Audience.Subordinates, Content = Scheme(),
        })).Id });
        await MeasureAsync(Mianyang, 2024, 35);
        await MeasureAsync(Deyang, 2023, 28);
        await MeasureAsync(Deyang, 2024, 30);
        await ProvinceOffice.RecordVetoAsync(new RecordVetoRequest
        {
            JurisdictionCode = Deyang, Year = FactSteps.Year, Ground = VetoGround.Concealment, Evidence = "瞒报化工园区泄漏事故，见省应急厅通报",
        });

        // Two cases overdue — one of them aired, its follow-up overdue too: one lateness — and an aired problem whose
        // case closed in time but whose follow-up is overdue; a case bounced between the city and 涪城区; 容错.
        var overdue = await _steps.AtUnitAsync();
        var airedLate = await _steps.AiredAsync(AiredAt);
        var airedDone = await _steps.AiredAsync(AiredAt);
        await _steps.CityOffice.ReportHandlingAsync(FactSteps.Findings(airedDone.CaseId));
        await _steps.ProvinceOffice.VerifyReportAsync(new VerifyReportRequest { CaseId = airedDone.CaseId, Accept = true });
        await FactSteps.CloseAsync(_steps.ProvinceOffice, airedDone.CaseId);
        var bounced = await _steps.BouncedAsync();
        var tolerated = await _steps.HeldAccountableAsync((CadreRank.Section, Sanction.Admonition, Tolerance));
        await _steps.SweepAsync(LateNovember);
        await _steps.DeductionsWhenAsync(Mianyang, d => d.Count >= 5 && d.Any(x => x.CaseId == airedLate.CaseId && x.Events.Count == 2));

        var sheet = await SheetAsync(Mianyang);

        Assert.Equal((100.0, 9.0, 91.0, Rating.Excellent), (sheet.SpecialPoints, sheet.DeductionPoints, sheet.Total, sheet.Rating));
        var rules = sheet.Deductions.ToDictionary(d => d.Kind);
        // Every rule of the scheme is on the sheet; only these three have anything under them.
        Assert.Equal([DeductionKind.Lateness, DeductionKind.BuckPassing, DeductionKind.Accountability], sheet.Deductions.Where(d => d.Deductions.Count > 0).Select(d => d.Kind));
        Assert.Equal(5, sheet.Deductions.Count);
        Assert.Equal(new[] { overdue.Id, airedLate.CaseId, airedDone.CaseId }.Order(), rules[DeductionKind.Lateness].Deductions.Select(d => d.CaseId).Order());
        Assert.Equal((3, 6.0), (rules[DeductionKind.Lateness].Count, rules[DeductionKind.Lateness].Points));
        Assert.Equal(["cases.case-overdue", "exposure.follow-up-overdue"],
            rules[DeductionKind.Lateness].Deductions.Single(d => d.CaseId == airedLate.CaseId).Events.Select(e => e.Type).Order());
        // The buck-passing is charged to the county that returned the case, within the city.
        var buckPassing = Assert.Single(rules[DeductionKind.BuckPassing].Deductions);
        Assert.Equal((bounced.Id, "510703", 3.0), (buckPassing.CaseId, buckPassing.ChargedJurisdictionCode, buckPassing.Points));
        var exempted = Assert.Single(rules[DeductionKind.Accountability].Deductions);
        Assert.Equal((tolerated.Id, true, Tolerance, 0.0), (exempted.CaseId, exempted.Exempted, exempted.ExemptionReason, exempted.Points));
        Assert.Equal((0, 0.0), (rules[DeductionKind.Accountability].Count, rules[DeductionKind.Accountability].Points));

        // 德阳市 meets its PM2.5 target with a higher score, but the veto keeps it from 优秀 and the red line is flagged.
        var deyang = await SheetAsync(Deyang);
        Assert.Equal((100.0, Rating.Good, Rating.Excellent), (deyang.Total, deyang.Rating, deyang.RatingByTotal));
        Assert.Contains(deyang.Notes, n => n.StartsWith("一票否优：", StringComparison.Ordinal));
        var pm25 = deyang.Specials.Single().Indicators.Single();
        Assert.Equal((true, true, 28.0), (pm25.Met, pm25.RedLine, pm25.LastYearValue));
        Assert.Contains(deyang.Notes, n => n.StartsWith("红线：", StringComparison.Ordinal));

        var ranking = await ProvinceOffice.ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = Province, Year = FactSteps.Year });
        Assert.Equal([Mianyang, Deyang], ranking.Parties.Take(2).Select(p => p.JurisdictionCode));
        Assert.Equal((1, 2), (sheet.Rank, deyang.Rank));

        // The assessed city reads its own sheet over REST: the total, the rating and every deduction's case.
        var rest = await host.RestAs(Mianyang).GetAsync($"/v1/score-sheets/{Mianyang}/{FactSteps.Year}");
        Assert.Equal(HttpStatusCode.OK, rest.Status);
        Assert.Equal((91.0, "RATING_EXCELLENT"), (rest.Body.GetProperty("total").GetDouble(), rest.Body.GetProperty("rating").GetString()));
        Assert.Contains(bounced.Id, rest.Body.GetProperty("deductions").EnumerateArray()
            .SelectMany(r => r.GetProperty("deductions").EnumerateArray()).Select(d => d.GetProperty("caseId").GetString()));

        // Rebuilt from the applied-event log, and with every event delivered again, the sheets stay as they were.
        var rebuilt = await _steps.Assessment(Province, "admin").RebuildScoresAsync(new RebuildScoresRequest());
        Assert.Empty(rebuilt.Differences);
        await _steps.DeliverAgainAsync(overdue.Id, airedLate.CaseId, airedDone.CaseId, airedLate.Id, airedDone.Id, bounced.Id, tolerated.Id);
        Assert.Equal(Comparable(sheet), Comparable(await SheetAsync(Mianyang)));
        Assert.Equal(Comparable(deyang), Comparable(await SheetAsync(Deyang)));
    }

    private Task<ScoreSheet> SheetAsync(string city) =>
        ProvinceOffice.GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = city, Year = FactSteps.Year }).ResponseAsync;

    private Task<Measurement> MeasureAsync(string city, int year, double pm25) => ProvinceOffice.RecordMeasurementAsync(new RecordMeasurementRequest
    {
        JurisdictionCode = city, IndicatorCode = "pm25", Year = year, Period = Period.YearEnd, Value = pm25, Source = "四川省生态环境监测总站年报",
    }).ResponseAsync;

    /// <summary>The sheet without the moment it was computed at.</summary>
    private static ScoreSheet Comparable(ScoreSheet sheet)
    {
        var copy = sheet.Clone();
        copy.ComputedAt = null;
        return copy;
    }

    /// <summary>One programme scored on PM2.5 (≤ 40 μg/m³) and a rule for every kind of deduction; bands 90/80/60.</summary>
    private static SchemeContent Scheme() => new()
    {
        Title = "四川省2024年度设区市考核（测试）",
        Programmes =
        {
            new Programme
            {
                Code = "air", Name = "治理大气污染", LeadDepartment = "省生态环境厅", Weight = 100,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "pm25", Name = "PM2.5年均浓度", Kind = IndicatorKind.EnvironmentalQuality, Unit = "μg/m³",
                        Direction = Direction.LowerIsBetter, TargetForm = TargetForm.Absolute, Target = 40, Points = 10,
                    },
                },
            },
        },
        DeductionRules =
        {
            new DeductionRule { Kind = DeductionKind.Lateness, Name = "拖延时间", Points = 2, Cap = 10, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.BuckPassing, Name = "推诿扯皮", Points = 3, Cap = 10, Charged = ChargedParty.Returner },
            new DeductionRule { Kind = DeductionKind.PoorHandling, Name = "处置不力", Points = 1, Cap = 10, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.StopUnverified, Name = "停产措施逾期未核查", Points = 1, Cap = 5, Charged = ChargedParty.Holder },
            new DeductionRule { Kind = DeductionKind.Accountability, Name = "问责", Points = 1, Cap = 5, Charged = ChargedParty.Holder },
        },
        DeductionCap = 20,
        Bands =
        {
            new RatingBand { Rating = Rating.Excellent, MinTotal = 90 },
            new RatingBand { Rating = Rating.Good, MinTotal = 80 },
            new RatingBand { Rating = Rating.Pass, MinTotal = 60 },
        },
        RankingOrder = RankingOrder.RatingThenTotal,
    };
}
