using Ducha.Contracts.Assessment.V1;
using Ducha.Testing;
using Google.Protobuf.WellKnownTypes;
using ExposureV1 = Ducha.Contracts.Exposure.V1;

namespace Ducha.IntegrationTests.EndToEnd;

public sealed partial class ExposureAiringDistributedTests
{
    // 泉山区 of 徐州市: a county no other test of the suite files cases in, so its deductions are this test's alone.
    private const string AssessedCity = "320300", AssessedCounty = "320311";

    /// <summary>
    /// Cases, exposure and assessment as separate processes feed one deduction through the broker alone: a problem aired
    /// in the past has its case opened in cases already past the deadline the airing fixed, cases' deadline watch announces
    /// it overdue, and assessment lists a lateness charged to the county that holds it; exposure's follow-up watch (at its
    /// start) then announces the follow-up overdue, and that is the same lateness, with both events behind it. Rebuilt on
    /// PostgreSQL from assessment's own log, the facts are the live ones.
    /// </summary>
    [Fact]
    public async Task A_case_overdue_in_cases_and_its_follow_up_overdue_in_exposure_are_one_lateness_at_assessment()
    {
        try
        {
            var exposure = await AirInAssessedCountyAsync();
            // The deduction counts in the Beijing year it was detected: now, on the processes' clock.
            var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
            var county = services.Assessment(AssessedCounty);
            var request = new ListDeductionsRequest { JurisdictionCode = AssessedCounty, Year = year, PageSize = 200 };

            // Cases' deadline watch passes once a minute.
            var overdue = await Eventually.UntilAsync(async () => (await county.ListDeductionsAsync(request)).Deductions.SingleOrDefault(d => d.CaseId == exposure.CaseId),
                d => d is not null, TimeSpan.FromSeconds(150));
            Assert.NotNull(overdue);
            Assert.Equal((DeductionKind.Lateness, AssessedCounty, ""), (overdue.Kind, overdue.ChargedJurisdictionCode, overdue.ChargedDepartment));
            Assert.Equal("cases.case-overdue", overdue.Events[0].Type);
            Assert.Equal("逾期未办结（期限2024年10月12日）", overdue.Cause);

            // Exposure's follow-up watch runs hourly, and at start: a restart announces the follow-up overdue now.
            await services.ExposureProcess.KillAsync();
            await services.ExposureProcess.RestartAsync();
            var both = await Eventually.UntilAsync(async () => (await county.ListDeductionsAsync(request)).Deductions.Where(d => d.CaseId == exposure.CaseId).ToList(),
                d => d.Count != 1 || d[0].Events.Count > 1, TimeSpan.FromSeconds(90));
            var lateness = Assert.Single(both);
            Assert.Equal(["cases.case-overdue", "exposure.follow-up-overdue"], lateness.Events.Select(e => e.Type).Order());
            Assert.Equal((overdue.Id, exposure.Id, overdue.Cause), (lateness.Id, lateness.ExposureId, lateness.Cause));
            // The city that assigned it reads it too.
            var city = await services.Assessment(AssessedCity).ListDeductionsAsync(new ListDeductionsRequest { JurisdictionCode = AssessedCity, Year = year, PageSize = 200 });
            Assert.Contains(city.Deductions, d => d.Id == lateness.Id);

            var rebuild = await services.Assessment(Province, "admin").RebuildScoresAsync(new RebuildScoresRequest { DryRun = true });
            Assert.Empty(rebuild.Differences);
            Assert.True(rebuild.EventsReplayed >= 4 && rebuild.RowsLive == rebuild.RowsRebuilt, $"replayed {rebuild.EventsReplayed} events over {rebuild.RowsLive} rows");

            // One sheet: with the city's scheme for its counties in force, the county's sheet puts the scheme's points on it.
            var cityOffice = services.Assessment(AssessedCity);
            var scheme = await cityOffice.CreateSchemeAsync(new CreateSchemeRequest
            {
                JurisdictionCode = AssessedCity, Year = year, Audience = Audience.Subordinates, Content = CountyScheme(),
            });
            await cityOffice.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = scheme.Id });
            var sheet = await county.GetScoreSheetAsync(new GetScoreSheetRequest { JurisdictionCode = AssessedCounty, Year = year });
            var late = sheet.Deductions.Single(d => d.Kind == DeductionKind.Lateness);
            var onSheet = Assert.Single(late.Deductions, d => d.CaseId == exposure.CaseId);
            Assert.Equal((lateness.Id, 2.0, 2), (onSheet.Id, onSheet.Points, onSheet.Events.Count));
            Assert.Equal((2.0 * late.Count, late.Points), (late.Points, sheet.DeductionPoints));
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
        finally
        {
            if (services.ExposureProcess.HasExited) await services.ExposureProcess.RestartAsync();
        }
    }

    /// <summary>徐州市's scheme for its counties: PM2.5 against its target, and 2 points for each lateness.</summary>
    private static SchemeContent CountyScheme() => new()
    {
        Title = "徐州市县（市、区）年度考核（测试）",
        Programmes =
        {
            new Programme
            {
                Code = "air", Name = "治理大气污染", LeadDepartment = "市生态环境局", Weight = 100,
                Indicators =
                {
                    new Indicator
                    {
                        Code = "pm25", Name = "PM2.5年均浓度", Kind = IndicatorKind.EnvironmentalQuality, Unit = "μg/m³",
                        Direction = Direction.LowerIsBetter, TargetForm = TargetForm.Absolute, Target = 40, Points = 1,
                    },
                },
            },
        },
        DeductionRules = { new DeductionRule { Kind = DeductionKind.Lateness, Name = "拖延时间", Points = 2, Cap = 10, Charged = ChargedParty.Holder } },
        Bands = { new RatingBand { Rating = Rating.Excellent, MinTotal = 90 }, new RatingBand { Rating = Rating.Pass, MinTotal = 60 } },
        RankingOrder = RankingOrder.RatingThenTotal,
    };

    /// <summary>The city's own column airs a problem in the county, in the past: its case, assigned to the county, is already late.</summary>
    private async Task<ExposureV1.ExposureProblem> AirInAssessedCountyAsync()
    {
        var office = services.Exposure(AssessedCity);
        var outlet = await office.CreateMediaOutletAsync(new ExposureV1.CreateMediaOutletRequest
        {
            JurisdictionCode = AssessedCity, Name = "徐州广播电视台", Kind = ExposureV1.MediaKind.Tv, WeeklyQuota = 2,
        });
        var column = await office.CreateColumnAsync(new ExposureV1.CreateColumnRequest { MediaOutletId = outlet.Id, Name = "彭城聚焦" });
        var problem = await office.ProposeExposureAsync(new ExposureV1.ProposeExposureRequest
        {
            ColumnId = column.Id,
            PlaceJurisdictionCode = AssessedCounty,
            Address = "泉山区某工业园",
            Polluter = $"徐州某化工有限公司{Guid.NewGuid():N}"[..20],
            PollutionType = ExposureV1.PollutionType.Water,
            Description = "雨水管道偷排生产废水",
            Reasons = { ExposureV1.SelectionReason.ManyComplaints, ExposureV1.SelectionReason.UndercoverVisit },
            Materials = { new ExposureV1.Material { Name = "暗访视频.mp4", MediaType = "video/mp4", SizeBytes = 52_428_800 } },
        });
        var programme = await office.ScheduleProgrammeAsync(new ExposureV1.ScheduleProgrammeRequest
        {
            ColumnId = column.Id, AirDate = AirDate, ExposureIds = { problem.Id },
        });
        await office.RecordAiringAsync(new ExposureV1.RecordAiringRequest { Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(AiredAt) });
        return await AiringServices.WithCaseAsync(office, problem.Id, TimeSpan.FromSeconds(90));
    }
}
