using System.Net;
using Ducha.Contracts.Cases.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>MatchReporterValuesForCases: the texts of many cases checked against each case's own reporter in one call.</summary>
public sealed partial class PublicCaseFactsTests
{
    private static MatchReporterValuesRequest TextsOf(string caseId, IDictionary<string, string> texts) => new() { CaseId = caseId, Texts = { texts } };

    [Fact]
    public async Task Each_case_of_a_batch_is_answered_with_its_own_fields_in_the_order_asked_and_unknown_ids_are_listed()
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());
        var anonymous = await _steps.Province.CreateCaseAsync(CasesApiTests.ValidCase());
        var other = CasesApiTests.ValidCase();
        other.Reporter = new Reporter { Name = "孙小美", Phone = "13655556666" };
        var otherReporter = await _steps.Province.CreateCaseAsync(other);
        const string unknown = "00000000-0000-0000-0000-000000000000";
        // The same texts for every case: each is checked against its own reporter only.
        var texts = new Dictionary<string, string>
        {
            ["findings"] = "经核实，举报人（电话139 1234-5678）反映属实。",
            ["result"] = "已向孙小美反馈处理结果。",
            ["basic"] = "该厂位于浒墅关镇，主要生产化工原料。",
        };

        var answer = await Disclosure().MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest
        {
            Cases = { TextsOf(received.Id, texts), TextsOf(unknown, texts), TextsOf(anonymous.Id, texts), TextsOf(otherReporter.Id, texts) },
        });

        Assert.Equal([(received.Id, "findings"), (anonymous.Id, ""), (otherReporter.Id, "result")],
            answer.Cases.Select(c => (c.CaseId, string.Join(",", c.MatchedFields))));
        Assert.Equal([unknown], answer.UnknownCaseIds);
        Assert.DoesNotContain(ReporterPhone, JsonFormatter.Default.Format(answer));
    }

    [Fact]
    public async Task A_batch_with_one_case_beyond_the_tokens_reach_is_refused_whole()
    {
        // Reached 虎丘区 through 苏州市, and one the province received and kept: a token reaching 苏州市 sees the first only.
        var inSuzhou = await _steps.AtUnitAsync(WithReporter());
        var atProvince = await _steps.Province.CreateCaseAsync(WithReporter());
        var texts = new Dictionary<string, string> { ["findings"] = ReporterPhone };

        var alone = await Disclosure("320500").MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest { Cases = { TextsOf(inSuzhou.Id, texts) } });
        var mixed = await Assert.ThrowsAsync<RpcException>(() => Disclosure("320500").MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest
        {
            Cases = { TextsOf(inSuzhou.Id, texts), TextsOf(atProvince.Id, texts) },
        }).ResponseAsync);
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => Disclosure("410000").MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest
        {
            Cases = { TextsOf(inSuzhou.Id, texts) },
        }).ResponseAsync);

        Assert.Equal(["findings"], Assert.Single(alone.Cases).MatchedFields);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (mixed.StatusCode, elsewhere.StatusCode));
        Assert.Contains(atProvince.Id, mixed.Status.Detail);
    }

    public static TheoryData<string, string> BadBatches => new()
    {
        { "none", "cases: is required" },
        { "501 cases", "cases: must be at most 500" },
        { "a case without an id", "cases[1].case_id: is required" },
        { "a case without texts", "cases[1].texts: is required" },
        { "a text too long", "cases[1].texts[findings]: must be at most 20000 characters" },
        { "51 fields", "cases[1].texts: must have at most 50 fields" },
        { "a field name too long", "cases[1].texts: field names must be 1 to 100 characters" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task A_bad_batch_is_refused_naming_the_field(string bad, string expected)
    {
        var id = Guid.NewGuid().ToString();
        var good = TextsOf(id, new Dictionary<string, string> { ["findings"] = "正文" });
        MatchReporterValuesRequest[] cases = bad switch
        {
            "none" => [],
            "501 cases" => [.. Enumerable.Repeat(good, 501)],
            "a case without an id" => [good, TextsOf(" ", good.Texts)],
            "a case without texts" => [good, new MatchReporterValuesRequest { CaseId = id }],
            "a text too long" => [good, TextsOf(id, new Dictionary<string, string> { ["findings"] = new string('查', 20001) })],
            "51 fields" => [good, TextsOf(id, Enumerable.Range(0, 51).ToDictionary(i => $"f{i}", _ => "正文"))],
            _ => [good, TextsOf(id, new Dictionary<string, string> { [new string('名', 101)] = "正文" })],
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest { Cases = { cases } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task A_batch_of_500_faulty_cases_is_refused_naming_the_first_faults_in_an_answer_a_client_can_read()
    {
        var cases = Enumerable.Range(0, 500).Select(_ => TextsOf("", new Dictionary<string, string> { [""] = "" }));

        var error = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest { Cases = { cases } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("Invalid request: cases[0].case_id: is required; cases[0].texts: field names must be 1 to 100 characters", error.Status.Detail);
        Assert.Contains("cases[4].", error.Status.Detail);
        Assert.DoesNotContain("cases[5].", error.Status.Detail);
    }

    [Fact]
    public async Task Texts_too_long_under_the_callers_chinese_names_are_refused_naming_the_first_ten_in_an_answer_a_client_can_read()
    {
        // Fifty texts of 20,001 characters, each under a 100-character name: 3 MB, within what a call may carry.
        var texts = Enumerable.Range(0, 50).ToDictionary(i => $"{i:00}{new string('调', 98)}", _ => new string('查', 20001));
        var first = $"texts[00{new string('调', 98)}]";

        var one = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesAsync(TextsOf(Guid.NewGuid().ToString(), texts)).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => Disclosure().MatchReporterValuesForCasesAsync(new MatchReporterValuesForCasesRequest
        {
            Cases = { TextsOf(Guid.NewGuid().ToString(), texts) },
        }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (one.StatusCode, batch.StatusCode));
        var named = one.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(10, named.Count);
        Assert.Equal(first, named[0]);
        // The field trailer carries the names percent-encoded, as a header must.
        Assert.StartsWith(first, Uri.UnescapeDataString(one.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer)!));
        Assert.Contains($"cases[0].{first}: must be at most 20000 characters", batch.Status.Detail);
    }

    [Fact]
    public async Task The_batch_is_a_REST_route_too()
    {
        var received = await _steps.Province.CreateCaseAsync(WithReporter());
        var rest = new RestCaller(host.Http, host.Tokens.IssueForServiceItself("disclosure", "320000"));

        var answer = await rest.PostAsync("/v1/cases:matchReporterValues", new
        {
            cases = new[] { new { caseId = received.Id, texts = new Dictionary<string, string> { ["findings"] = "联系人钱多多", ["result"] = "已办结" } } },
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var only = Assert.Single(answer.Body.GetProperty("cases").EnumerateArray().ToList());
        Assert.Equal((received.Id, "findings"), (only.GetProperty("caseId").GetString(), Assert.Single(only.GetProperty("matchedFields").EnumerateArray().ToList()).GetString()));
    }
}
