using Ducha.Contracts.Cases.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>
/// The cases calls only the disclosure service makes, acting for itself with its token reaching a province: the public
/// facts of cases (no reporter, no names of the people held accountable), and which texts carry a reporter value — of
/// one case, or of many at once (PublicCaseFactsTests.Batch.cs).
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed partial class PublicCaseFactsTests(StandaloneFixture host)
{
    private const string ReporterName = "钱多多", ReporterPhone = "13912345678", ReporterAddress = "浒墅关镇阳山花苑7幢";
    private readonly CaseSteps _steps = new(host);

    /// <summary>The disclosure service acting for itself, as its read-model worker does.</summary>
    private CasesClient Disclosure(string province = "320000") => Client(host.Tokens.IssueForServiceItself("disclosure", province));

    private CasesClient Client(string token) =>
        new(host.Channel.Intercept(m => { m.Add("Authorization", "Bearer " + token); return m; }));

    private static CreateCaseRequest WithReporter()
    {
        var request = CasesApiTests.ValidCase();
        request.Reporter = new Reporter { Name = ReporterName, Phone = ReporterPhone, Address = ReporterAddress };
        return request;
    }

    public static TheoryData<string> Others => new() { "office", "admin", "exposure itself", "disclosure for an office" };

    private string TokenOf(string caller) => caller switch
    {
        "office" => host.Tokens.Issue("320000", "office", "clerk"),
        "admin" => host.Tokens.Issue("320000", "admin", "operator"),
        "exposure itself" => host.Tokens.IssueForServiceItself("exposure", "320000"),
        _ => host.Tokens.Issue("320000", "service", "disclosure", onBehalfOf: "clerk", onBehalfOfRole: "office"),
    };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Anyone_but_the_disclosure_service_acting_for_itself_is_refused(string caller)
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());
        var client = Client(TokenOf(caller));

        var facts = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { received.Id } }).ResponseAsync);
        var match = await Assert.ThrowsAsync<RpcException>(() =>
            client.MatchReporterValuesAsync(new MatchReporterValuesRequest { CaseId = received.Id, Texts = { ["findings"] = ReporterPhone } }).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => client.MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest
        {
            Cases = { new MatchReporterValuesRequest { CaseId = received.Id, Texts = { ["findings"] = ReporterPhone } } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, facts.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, match.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, batch.StatusCode);
    }

    [Fact]
    public async Task The_services_own_token_holds_no_persons_role_so_it_reads_no_case_through_the_ordinary_calls()
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());

        var error = await Assert.ThrowsAsync<RpcException>(() => Disclosure().GetCaseAsync(new GetCaseRequest { Id = received.Id }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_closed_case_answers_its_accepted_findings_and_result_and_accountability_counted_without_names_or_reporter()
    {
        var verified = await _steps.VerifiedAsync(WithReporter());
        await _steps.Province.RecordAccountabilityAsync(new RecordAccountabilityRequest
        {
            CaseId = verified.Id,
            People =
            {
                new AccountablePerson { Name = "陈某某", Position = "虎丘区副区长", Rank = CadreRank.Division, Sanction = Sanction.Criticism },
                new AccountablePerson { Name = "刘某某", Position = "镇环保办主任", Rank = CadreRank.Section, Sanction = Sanction.Criticism },
                new AccountablePerson
                {
                    Name = "王某某", Position = "镇环保办科员", Rank = CadreRank.Section, Sanction = Sanction.Criticism, FaultTolerated = true,
                    FaultToleranceReason = "已履职尽责，问题系企业隐蔽偷排所致",
                },
            },
        });
        await _steps.Province.CloseCaseAsync(new CloseCaseRequest { CaseId = verified.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied });

        var answer = await Disclosure().GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { verified.Id } });

        var facts = Assert.Single(answer.Cases);
        Assert.Empty(answer.UnknownCaseIds);
        Assert.Equal((verified.Id, "320505", "320000", CaseStatus.Closed, 1), (facts.CaseId, facts.JurisdictionCode, facts.OriginJurisdictionCode, facts.Status, facts.Round));
        Assert.Equal((verified.Address, verified.Polluter, verified.Description), (facts.Address, facts.Polluter, facts.Description));
        Assert.Equal((CaseSteps.RectifiedNow(verified.Id).Findings, CaseSteps.RectifiedNow(verified.Id).Result), (facts.Findings, facts.Result));
        Assert.Equal(Rectification.Completed, facts.Rectification);
        Assert.NotNull(facts.ClosedAt);
        Assert.Equal([(CadreRank.Division, Sanction.Criticism, 1, 0), (CadreRank.Section, Sanction.Criticism, 1, 1)],
            facts.Accountability.Select(a => (a.Rank, a.Sanction, a.Held, a.Exempted)));
        var wire = JsonFormatter.Default.Format(answer);
        foreach (var secret in new[] { ReporterName, ReporterPhone, ReporterAddress, "陈某某", "刘某某", "王某某", "副区长", "隐蔽偷排" })
            Assert.DoesNotContain(secret, wire);
    }

    [Fact]
    public async Task Findings_come_from_the_accepted_report_only()
    {
        var atUnit = await _steps.AtUnitAsync(CasesApiTests.ValidCase());
        var untouched = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());
        var sentBack = await _steps.AtUnitAsync(CasesApiTests.ValidCase());
        await _steps.Handler.ReportHandlingAsync(CaseSteps.RectifiedNow(sentBack.Id));
        await _steps.County.VerifyReportAsync(new VerifyReportRequest { CaseId = sentBack.Id, Accept = false, Reason = "未附监测报告" });
        var planned = new ReportHandlingRequest
        {
            CaseId = sentBack.Id, Findings = "复查：废气收集不完善", Result = "已制定整改方案", RectifiedNow = false,
            Plan = new RectificationPlan { Target = "废气达标排放", Measures = "更换收集管道", Deadline = "2024-12-31", ResponsibleUnit = CaseSteps.Unit },
        };
        await _steps.Handler.ReportHandlingAsync(planned);
        foreach (var office in new[] { _steps.County, _steps.City, _steps.Province })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = sentBack.Id, Accept = true });

        var answer = await Disclosure().GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { sentBack.Id, atUnit.Id, untouched.Id } });

        Assert.Equal([sentBack.Id, atUnit.Id, untouched.Id], answer.Cases.Select(c => c.CaseId));
        var replaced = answer.Cases[0];
        Assert.Equal((planned.Findings, planned.Result, Rectification.Planned, "2024-12-31"),
            (replaced.Findings, replaced.Result, replaced.Rectification, replaced.RectificationDeadline));
        Assert.All(answer.Cases.Skip(1), c => Assert.Equal(("", "", Rectification.InHandling), (c.Findings, c.Result, c.Rectification)));
    }

    [Fact]
    public async Task Unknown_ids_are_listed_and_a_case_outside_the_tokens_province_is_refused()
    {
        var received = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());
        const string unknown = "00000000-0000-0000-0000-000000000000";

        var answer = await Disclosure().GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { unknown, received.Id } });
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() =>
            Disclosure("410000").GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { received.Id } }).ResponseAsync);

        Assert.Equal([received.Id], answer.Cases.Select(c => c.CaseId));
        Assert.Equal([unknown], answer.UnknownCaseIds);
        Assert.Equal(StatusCode.PermissionDenied, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(0, "case_ids: is required")]
    [InlineData(101, "case_ids: must be at most 100")]
    public async Task A_batch_of_no_case_or_too_many_is_refused_naming_the_field(int count, string expected)
    {
        var request = new GetPublicCaseFactsRequest { CaseIds = { Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()) } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Disclosure().GetPublicCaseFactsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task The_fields_carrying_a_reporter_value_are_named_however_the_value_was_typed()
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());
        var anonymous = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());
        var texts = new Dictionary<string, string>
        {
            ["findings"] = "经核实，举报人（电话139 1234-5678）反映属实。",
            ["result"] = "责令整改，已向钱多多反馈。",
            ["description"] = "群众反映浒墅关镇阳山花苑 7幢附近有异味。",
            ["basic"] = "该厂位于浒墅关镇，主要生产化工原料。",
            ["phone_with_code"] = "联系电话 +86 13912345678",
        };

        var matched = await Disclosure().MatchReporterValuesAsync(new MatchReporterValuesRequest { CaseId = received.Id, Texts = { texts } });
        var none = await Disclosure().MatchReporterValuesAsync(new MatchReporterValuesRequest { CaseId = anonymous.Id, Texts = { texts } });

        Assert.Equal(["description", "findings", "phone_with_code", "result"], matched.MatchedFields);
        Assert.Empty(none.MatchedFields);
        Assert.DoesNotContain(ReporterPhone, JsonFormatter.Default.Format(matched));
    }

    [Fact]
    public async Task Texts_too_many_or_too_long_are_refused_naming_the_field()
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());

        var tooLong = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesAsync(new MatchReporterValuesRequest
        {
            CaseId = received.Id, Texts = { ["findings"] = new string('查', 20001) },
        }).ResponseAsync);
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesAsync(new MatchReporterValuesRequest
        {
            CaseId = received.Id, Texts = { Enumerable.Range(0, 51).ToDictionary(i => $"f{i}", _ => "正文") },
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (tooLong.StatusCode, tooMany.StatusCode));
        Assert.Contains("texts[findings]", tooLong.Status.Detail);
        Assert.Contains("texts: must have at most 50 fields", tooMany.Status.Detail);
    }
}
