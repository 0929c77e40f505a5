using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Testing;
using Google.Protobuf.WellKnownTypes;
using MiniExcelLibs;
using ExposureV1 = Ducha.Contracts.Exposure.V1;

namespace Ducha.IntegrationTests.EndToEnd;

public sealed partial class ExposureAiringDistributedTests
{
    // 吴江区 of 苏州市: a county no other test of the suite files cases in, so its bulletin counts this test's cases alone
    // even though the broker's queues outlive the processes of other test classes.
    private const string BulletinCity = "320500", BulletinCounty = "320509", BulletinUnit = "吴江区生态环境局";
    private const string Findings = "经现场核查，该企业定型机废气未经处理直排属实。";
    private const string Result = "责令停产整治，处罚款十万元，已完成整改。";
    private const string HeldOnTheClosedCase = "2人，其中处级1人、科级1人";
    private const string ReporterName = "沈雪梅", ReporterPhone = "13962500417";

    /// <summary>
    /// Cases filed with the city over gRPC and a problem the city's column aired about the same county reach disclosure
    /// through the broker only; the county's bulletin drafted there lists all three with the counts, the people held and the
    /// findings disclosure asked cases for, and once published the public read it, and its table, without the reporter.
    /// </summary>
    [Fact]
    public async Task Cases_filed_and_a_problem_aired_in_a_county_feed_the_countys_bulletin_at_disclosure_which_the_public_read_without_the_reporter()
    {
        try
        {
            var city = services.Cases(BulletinCity);
            var closed = await city.CreateCaseAsync(Complaint("吴江某印染有限公司", "盛泽镇某工业区"));
            var verified = await city.CreateCaseAsync(Complaint("吴江某纺织有限公司", "平望镇某工业区"));
            foreach (var filed in new[] { closed, verified }) await HandleInCountyAsync(filed.Id);
            await city.CloseCaseAsync(new CloseCaseRequest
            {
                CaseId = closed.Id, CallbackResult = CallbackResult.Satisfied,
                Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
            });
            await city.RecordAccountabilityAsync(new RecordAccountabilityRequest
            {
                CaseId = closed.Id,
                People =
                {
                    new AccountablePerson { Name = "钱某甲", Position = "吴江区生态环境局副局长", Rank = CadreRank.Division, Sanction = Sanction.Criticism },
                    new AccountablePerson { Name = "吴某乙", Position = "盛泽镇环保办主任", Rank = CadreRank.Section, Sanction = Sanction.Admonition },
                    // Exempted under 容错: recorded, but not counted as held.
                    new AccountablePerson
                    {
                        Name = "郑某丙", Position = "盛泽镇环保办科员", Rank = CadreRank.Section, Sanction = Sanction.Admonition, FaultTolerated = true,
                        FaultToleranceReason = "已履职尽责，直排系企业夜间刻意为之",
                    },
                },
            });
            var exposure = await AirInCountyAsync();
            Assert.Equal(BulletinCounty, (await city.GetCaseAsync(new GetCaseRequest { Id = exposure.CaseId })).HolderJurisdictionCode);

            // A case filed today comes into the county's hands today, or — on a weekend, a holiday or at night — at 08:00 of
            // the next working day; so does the aired problem's case, opened now. A month from today holds them all.
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var (from, to) = (Day(today), Day(today.AddDays(30)));
            var disclosure = services.Disclosure(BulletinCounty);
            string[] all = [closed.Id, verified.Id, exposure.CaseId];
            var listed = await Eventually.UntilAsync(async () => (await disclosure.ListDisclosedCasesAsync(new ListDisclosedCasesRequest
                {
                    JurisdictionCode = BulletinCounty, From = from, To = to, PageSize = 200,
                })).Cases.ToList(),
                cases => all.All(id => cases.Any(c => c.CaseId == id)) && cases.All(c => !c.FactsPending)
                    && cases.Any(c => c.CaseId == closed.Id && c.Status == CaseStatus.Closed && c.Accountability.Count > 0)
                    && cases.Any(c => c.CaseId == verified.Id && c.Status == CaseStatus.Verified)
                    // Known only from exposure's own events (of the airing, or of its follow-up overdue), consumed from the broker.
                    && cases.Any(c => c.CaseId == exposure.CaseId && c.Exposure is not null),
                TimeSpan.FromSeconds(90));
            Assert.Equal(all.Order(), listed.Select(c => c.CaseId).Order());
            var aired = Assert.Single(listed, c => c.CaseId == exposure.CaseId);
            Assert.Equal((Channel.MediaExposure, exposure.Id, AiredAt, Deadline),
                (aired.Channel, aired.Exposure?.ExposureId, aired.Exposure?.AiredAt.ToDateTimeOffset(), aired.Exposure?.FollowUpDeadline));

            var draft = await disclosure.DraftBulletinAsync(new DraftBulletinRequest { JurisdictionCode = BulletinCounty, PeriodStart = from, PeriodEnd = to });

            Assert.Equal((BulletinState.Draft, 3, 1, 2), (draft.State, draft.Transferred, draft.Closed, draft.InHand));
            Assert.Equal(HeldOnTheClosedCase, draft.Accountability);
            Assert.Contains(draft.Paragraphs, p => p.Contains("共收到督察组交办信访件3件", StringComparison.Ordinal));
            Assert.Equal(all.Order(), draft.Cases.Select(c => c.CaseId).Order());
            var rows = draft.Cases.ToDictionary(c => c.CaseId);
            // Findings, results and basic facts are in no event: they are what disclosure asked cases for.
            Assert.Equal((Findings, Result, HeldOnTheClosedCase), (rows[closed.Id].Findings, rows[closed.Id].Result, rows[closed.Id].Accountability));
            Assert.Equal((Findings, Result, "无"), (rows[verified.Id].Findings, rows[verified.Id].Result, rows[verified.Id].Accountability));
            Assert.Contains("吴江某印染有限公司", rows[closed.Id].BasicFacts);
            Assert.Equal(($"反映{exposure.Polluter}雨水管道偷排生产废水", "正在调查核实"), (rows[exposure.CaseId].BasicFacts, rows[exposure.CaseId].Findings));

            var published = await disclosure.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });
            Assert.Equal((BulletinState.Published, 1), (published.State, published.Version));

            // The public site of the disclosure process, without a token.
            using var site = new HttpClient { BaseAddress = services.DisclosureProcess.Address };
            var page = await site.GetStringAsync(new Uri($"/public/bulletins/{draft.Id}", UriKind.Relative));
            var csv = await site.GetStringAsync(new Uri($"/public/bulletins/{draft.Id}.csv", UriKind.Relative));
            using var workbook = new MemoryStream(await site.GetByteArrayAsync(new Uri($"/public/bulletins/{draft.Id}.xlsx", UriKind.Relative)));
            var xlsx = MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(published.Title, page);
            Assert.Contains("共收到督察组交办信访件3件", page);
            Assert.Contains($"本期交办问题共问责{HeldOnTheClosedCase}", page);
            Assert.Contains(exposure.Polluter, page);
            Assert.Equal(3, xlsx.Count);
            Assert.Equal(new[] { Findings, Findings, "正在调查核实" }.Order(), xlsx.Select(r => (string)r["调查核实情况"]).Order());
            Assert.Equal(1 + 3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            var cells = string.Join("|", xlsx.SelectMany(r => r.Values));
            foreach (var secret in new[] { ReporterName, ReporterPhone })
            {
                Assert.DoesNotContain(secret, page);
                Assert.DoesNotContain(secret, csv);
                Assert.DoesNotContain(secret, cells);
            }
        }
        catch
        {
            services.WriteTails(output);
            throw;
        }
    }

    private static CreateCaseRequest Complaint(string polluter, string address) => new()
    {
        JurisdictionCode = BulletinCounty,
        Address = address,
        Polluter = polluter,
        PollutionType = PollutionType.Air,
        Description = "定型机废气夜间直排，异味扰民",
        Channel = Channel.InspectionTeam,
        Reporter = new Reporter { Name = ReporterName, Phone = ReporterPhone, Address = "吴江区松陵街道某小区" },
    };

    /// <summary>The city assigns the case to the county, the county to its environment bureau, which reports; both levels accept.</summary>
    private async Task HandleInCountyAsync(string caseId)
    {
        var (city, county) = (services.Cases(BulletinCity), services.Cases(BulletinCounty));
        var handler = services.CasesHandler(BulletinCounty, BulletinUnit);
        await city.AssignDownAsync(new AssignDownRequest { CaseId = caseId, ToJurisdictionCode = BulletinCounty, WorkingDays = 10 });
        await county.AssignDownAsync(new AssignDownRequest { CaseId = caseId, HandlingUnit = BulletinUnit, WorkingDays = 9 });
        // The unit sees the reporter while it holds the case: what the public pages must not show is really in the system.
        var held = await handler.GetCaseAsync(new GetCaseRequest { Id = caseId });
        Assert.Equal((ReporterName, ReporterPhone), (held.Reporter.Name, held.Reporter.Phone));
        await handler.ReportHandlingAsync(new ReportHandlingRequest { CaseId = caseId, Findings = Findings, Result = Result, RectifiedNow = true });
        await county.VerifyReportAsync(new VerifyReportRequest { CaseId = caseId, Accept = true });
        await city.VerifyReportAsync(new VerifyReportRequest { CaseId = caseId, Accept = true, Method = VerificationMethod.Callback });
    }

    /// <summary>
    /// The city's own column airs a problem in the county: exposure has cases open its case, received by the city and
    /// assigned to the county, which owes the follow-up.
    /// </summary>
    private async Task<ExposureV1.ExposureProblem> AirInCountyAsync()
    {
        var office = services.Exposure(BulletinCity);
        var outlet = await office.CreateMediaOutletAsync(new ExposureV1.CreateMediaOutletRequest
        {
            JurisdictionCode = BulletinCity, Name = "苏州广播电视总台", Kind = ExposureV1.MediaKind.Tv, WeeklyQuota = 2,
        });
        var column = await office.CreateColumnAsync(new ExposureV1.CreateColumnRequest { MediaOutletId = outlet.Id, Name = "寒山闻钟" });
        var problem = await office.ProposeExposureAsync(new ExposureV1.ProposeExposureRequest
        {
            ColumnId = column.Id,
            PlaceJurisdictionCode = BulletinCounty,
            Address = "震泽镇某村",
            Polluter = "吴江某化工有限公司",
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

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
