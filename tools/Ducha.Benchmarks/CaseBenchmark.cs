using Ducha.Contracts.Cases.V1;
using Ducha.Identity;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Benchmarks;

/// <summary>The calls measured, each with the token of the level that makes it in real work.</summary>
public sealed class CaseBenchmark(Uri address)
{
    private const string Unit = "虎丘区生态环境局";
    private const int WarmUp = 500;
    private static readonly string[] Counties = ["320505", "320506", "320507", "320508", "320509"];
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);
    private readonly TokenIssuer _tokens = TokenIssuer.ForDevelopment();
    // Each level's client with its own token, made once as a caller keeps its session.
    private CasesClient _province = null!, _city = null!, _county = null!, _handler = null!;

    private CasesClient As(string jurisdiction, string role = "office", string? unit = null)
    {
        var token = "Bearer " + _tokens.Issue(jurisdiction, role, "bench", TimeSpan.FromHours(2), unit);
        return new CasesClient(_channel.Intercept(m => { m.Add("Authorization", token); return m; }));
    }

    public async Task<IReadOnlyList<Latencies>> RunAsync(int cases, int parallel)
    {
        (_province, _city, _county, _handler) = (As("320000"), As("320500"), As("320505"), As("320505", "handler", Unit));
        var (province, city) = (_province, _city);

        // Untimed first, on complaints of their own (other polluters, so the timed ones repeat exactly what they did
        // before): a server that has run a while has its code compiled to its final tier; without this the first half
        // minute also pays the JIT, a quarter of the process's CPU in a profile of that span.
        var warmUp = new Latencies("warm-up");
        var warmIds = new string[WarmUp];
        await warmUp.RunAsync(WarmUp, parallel, async i =>
            warmIds[i] = (await province.CreateCaseAsync(NewCase(i, "预热企业", "320505"))).Id);
        await warmUp.RunAsync(WarmUp, parallel, async i => await province.GetCaseAsync(new GetCaseRequest { Id = warmIds[i] }));
        var unused = new Latencies("warm-up");
        await warmUp.RunAsync(WarmUp / 10, parallel, async i => await WalkAsync(warmIds[i], unused, unused, unused, unused));

        var create = new Latencies("CreateCase (with reporter)");
        var ids = new string[cases];
        await create.RunAsync(cases, parallel, async i =>
            ids[i] = (await create.TimeAsync(() => province.CreateCaseAsync(NewCase(i)).ResponseAsync)).Id);

        // The full chain on a tenth of them: province → city → county → unit, report, three verifications, close.
        var chained = ids.Where((_, i) => Counties[i % Counties.Length] == "320505").Take(Math.Max(1, cases / 10)).ToArray();
        var assign = new Latencies("AssignDown");
        var report = new Latencies("ReportHandling");
        var verify = new Latencies("VerifyReport");
        var close = new Latencies("CloseCase");
        var lifecycle = new Latencies("whole chain (8 calls)");
        await lifecycle.RunAsync(chained.Length, parallel, async i => await lifecycle.TimeAsync(() => WalkAsync(chained[i], assign, report, verify, close)));

        // The first ten pages' tokens, walked once, so the timed reads reach deep pages as a clerk paging on would.
        var tokens = new List<string> { "" };
        while (tokens.Count < 10 && (await city.ListCasesAsync(new ListCasesRequest { PageSize = 50, PageToken = tokens[^1] })).NextPageToken is { Length: > 0 } next)
            tokens.Add(next);
        var list = new Latencies("ListCases (city subtree, 50 per page)");
        await list.RunAsync(200, parallel, async i => await list.TimeAsync(() =>
            city.ListCasesAsync(new ListCasesRequest { PageSize = 50, PageToken = tokens[i % tokens.Count] }).ResponseAsync));
        var overdue = new Latencies("ListCases (overdue only)");
        await overdue.RunAsync(200, parallel, async _ => await overdue.TimeAsync(() =>
            province.ListCasesAsync(new ListCasesRequest { OverdueOnly = true, PageSize = 50 }).ResponseAsync));
        var count = new Latencies("CountCases (province)");
        await count.RunAsync(200, parallel, async _ => await count.TimeAsync(() => province.CountCasesAsync(new CountCasesRequest()).ResponseAsync));
        var get = new Latencies("GetCase (reporter opened)");
        await get.RunAsync(1000, parallel, async i => await get.TimeAsync(() => province.GetCaseAsync(new GetCaseRequest { Id = ids[i % ids.Length] }).ResponseAsync));
        return [create, assign, report, verify, close, lifecycle, get, list, overdue, count];
    }

    private async Task<Case> WalkAsync(string id, Latencies assign, Latencies report, Latencies verify, Latencies close)
    {
        await assign.TimeAsync(() => _province.AssignDownAsync(new AssignDownRequest { CaseId = id, ToJurisdictionCode = "320500", WorkingDays = 10 }).ResponseAsync);
        await assign.TimeAsync(() => _city.AssignDownAsync(new AssignDownRequest { CaseId = id, ToJurisdictionCode = "320505", WorkingDays = 9 }).ResponseAsync);
        await assign.TimeAsync(() => _county.AssignDownAsync(new AssignDownRequest { CaseId = id, HandlingUnit = Unit, WorkingDays = 8 }).ResponseAsync);
        await report.TimeAsync(() => _handler.ReportHandlingAsync(new ReportHandlingRequest
        {
            CaseId = id, Findings = "经现场核查，情况属实", Result = "已责令整改到位", RectifiedNow = true,
        }).ResponseAsync);
        foreach (var office in new[] { _county, _city, _province })
            await verify.TimeAsync(() => office.VerifyReportAsync(new VerifyReportRequest { CaseId = id, Accept = true }).ResponseAsync);
        return await close.TimeAsync(() => _province.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = id, CallbackResult = CallbackResult.Satisfied,
            Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
        }).ResponseAsync);
    }

    private static CreateCaseRequest NewCase(int i, string polluter = "某企业", string? county = null) => new()
    {
        JurisdictionCode = county ?? Counties[i % Counties.Length],
        Address = $"苏州市某镇某路 {i} 号",
        Polluter = $"{polluter}{i % 500}",
        PollutionType = (PollutionType)(i % 7 + 1),
        Description = "夜间排放刺鼻气体，影响周边居民休息",
        Channel = (Channel)(i % 9 + 1),
        Reporter = new Reporter { Name = "测试举报人", Phone = "13900000000", Address = "某小区" },
        OriginalDeadline = "",
    };
}
