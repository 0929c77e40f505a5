using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Reference.V1;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Drill.Load;

/// <summary>
/// drill load: each operation at a rising number of callers, beside its floors measured in the same run — the pipeline
/// floor (an anonymous reference lookup through the same host) for reads, the database floor (SQLite's own single-row
/// commits as the standalone host writes, or PostgreSQL's for a distributed deployment) for writes, and the broker's
/// own publish rate beside them — each figure also as a ratio to its floor. A warm-up runs the host's operations first,
/// untimed: a fresh host's JIT recompiles its hot code for half a minute and more, and would be measured with the calls.
/// </summary>
public sealed class LoadRun(DrillTarget target, LoadDeployment deployment, IReadOnlyList<int> levels, TimeSpan step, TimeSpan warmUp)
{
    private const string Province = "320000", City = "320500", County = "320505", Unit = "虎丘区生态环境局";
    private readonly Ducha.Contracts.Reference.V1.Reference.ReferenceClient _reference = new(target.Anonymous("cases"));
    private readonly CasesClient _province = new(target.As("cases", Person.Office(Province)));

    public async Task<IReadOnlyList<LoadResult>> RunAsync(Action<string> said, Action<LoadResult> measured, CancellationToken cancellationToken)
    {
        await RegisterUnitAsync(cancellationToken);
        var results = new List<LoadResult>();
        var ids = new List<string>();
        var run = Guid.NewGuid().ToString("N")[..8];
        if (warmUp > TimeSpan.Zero && levels.Count > 0) await WarmUpAsync(levels.Max(), ids, run, said, cancellationToken);
        foreach (var callers in levels)
        {
            var pipeline = await StepAsync(said, "管道基线：匿名参考数据查询", callers, (_, _) => LookUpAsync(cancellationToken), cancellationToken);
            Announce(said, deployment.Postgres is null ? SqliteFloor.Operation : PostgresFloor.Operation, callers);
            var database = deployment.Postgres is { } postgres
                ? await PostgresFloor.RunAsync(postgres, callers, step, cancellationToken, deployment.Cpu)
                : await SqliteFloor.RunAsync(callers, step, cancellationToken, deployment.Cpu);
            if (deployment.RabbitMq is { } broker)
            {
                Announce(said, BrokerFloor.Operation, callers);
                var published = await BrokerFloor.RunAsync(broker, callers, step, cancellationToken, deployment.Cpu);
                results.Add(published);
                measured(published);
            }
            var created = new System.Collections.Concurrent.ConcurrentBag<string>();
            var writtenBefore = deployment.Postgres is { } db ? await PostgresRowsWritten.TakeAsync(db, cancellationToken) : null;
            var create = await StepAsync(said, "CreateCase（含举报人）", callers, async (caller, n) =>
                created.Add(await CreateAsync($"{run}-{callers}-{caller}-{n}", cancellationToken)), cancellationToken);
            ids.AddRange(created);
            LoadResult[] caused = writtenBefore is null ? [] : await RowsWrittenAsync(writtenBefore, create, database, callers, cancellationToken);
            var read = await StepAsync(said, "GetCase", callers, (caller, n) => ReadAsync(ids, caller, n, cancellationToken), cancellationToken);
            var chain = await StepAsync(said, "整条链（受理→三级交办→报告→三级核查→销号，9 次调用）", callers, (caller, n) =>
                ChainAsync($"{run}-chain-{callers}-{caller}-{n}", cancellationToken), cancellationToken);
            foreach (var result in (LoadResult[])
            [
                pipeline, database, create with { RatioToFloor = create.CallsPerSecond / database.CallsPerSecond }, .. caused,
                read with { RatioToFloor = read.CallsPerSecond / pipeline.CallsPerSecond },
                chain with { RatioToFloor = chain.CallsPerSecond * 9 / pipeline.CallsPerSecond },
            ])
            {
                results.Add(result);
                measured(result);
            }
        }
        return results;
    }

    /// <summary>A measured step, announced as it starts: a run at many levels takes minutes, and a host's own figures (CPU, counters) are read against these moments.</summary>
    private Task<LoadResult> StepAsync(Action<string> said, string operation, int callers, Func<int, long, Task> call, CancellationToken cancellationToken)
    {
        Announce(said, operation, callers);
        return Stepper.RunAsync(operation, callers, step, call, cancellationToken, deployment.Cpu);
    }

    private void Announce(Action<string> said, string operation, int callers) => said($"开始测量：{operation} ×{callers}，{step.TotalSeconds:0} 秒");

    /// <summary>Each measured operation for <c>warmUp</c> at the most callers, its figures discarded; what failed is said.</summary>
    private async Task WarmUpAsync(int callers, List<string> ids, string run, Action<string> said, CancellationToken cancellationToken)
    {
        said($"预热：四项操作各 {warmUp.TotalSeconds:0} 秒、{callers} 个并发调用方，不计入结果");
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        var warm = new List<LoadResult>
        {
            await Stepper.RunAsync("预热：管道基线", callers, warmUp, (_, _) => LookUpAsync(cancellationToken), cancellationToken),
            await Stepper.RunAsync("预热：CreateCase", callers, warmUp, async (caller, n) =>
                created.Add(await CreateAsync($"{run}-warm-{caller}-{n}", cancellationToken)), cancellationToken),
        };
        ids.AddRange(created);
        // Reads and chains need cases; with none filed, the failure below says why.
        if (ids.Count > 0)
        {
            warm.Add(await Stepper.RunAsync("预热：GetCase", callers, warmUp, (caller, n) => ReadAsync(ids, caller, n, cancellationToken), cancellationToken));
            warm.Add(await Stepper.RunAsync("预热：整条链", callers, warmUp, (caller, n) => ChainAsync($"{run}-warm-chain-{caller}-{n}", cancellationToken),
                cancellationToken));
        }
        foreach (var failed in warm.Where(w => w.Errors > 0))
            said($"{failed.Operation}：{failed.Errors} 次调用出错，第一次：{failed.FirstError}");
    }

    private Task<Jurisdiction> LookUpAsync(CancellationToken ct) =>
        _reference.GetJurisdictionAsync(new GetJurisdictionRequest { Code = County }, cancellationToken: ct).ResponseAsync;

    private async Task<string> CreateAsync(string key, CancellationToken ct) => (await _province.CreateCaseAsync(Complaint(key), cancellationToken: ct)).Id;

    private Task<Case> ReadAsync(List<string> ids, int caller, long n, CancellationToken ct) =>
        _province.GetCaseAsync(new GetCaseRequest { Id = ids[(int)((n * 7919 + caller) % ids.Count)] }, cancellationToken: ct).ResponseAsync;

    /// <summary>Rows written per second in each service's database while CreateCase ran (its own and those its events caused), against PostgreSQL's floor.</summary>
    private async Task<LoadResult[]> RowsWrittenAsync(Dictionary<string, long> before, LoadResult create, LoadResult floor, int callers,
        CancellationToken cancellationToken)
    {
        var after = await PostgresRowsWritten.TakeAsync(deployment.Postgres!, cancellationToken);
        var seconds = create.Calls / create.CallsPerSecond + 1.1;
        return after.Where(a => a.Key != "postgres" && a.Value > before.GetValueOrDefault(a.Key))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new LoadResult($"  CreateCase 期间 {a.Key} 写入行数", callers, a.Value - before.GetValueOrDefault(a.Key),
                (a.Value - before.GetValueOrDefault(a.Key)) / seconds, 0, 0, 0) { RatioToFloor = (a.Value - before.GetValueOrDefault(a.Key)) / seconds / floor.CallsPerSecond })
            .ToArray();
    }

    private static CreateCaseRequest Complaint(string key) => new()
    {
        JurisdictionCode = County, Address = "虎丘区某路 1 号", Polluter = $"压测企业{key}", PollutionType = PollutionType.Air, Channel = Channel.Hotline12369,
        Description = "夜间排放刺鼻废气", IdempotencyKey = key, Reporter = new Reporter { Name = "压测", Phone = "13800000000" },
    };

    private async Task ChainAsync(string key, CancellationToken ct)
    {
        var province = _province;
        var city = new CasesClient(target.As("cases", Person.Office(City)));
        var county = new CasesClient(target.As("cases", Person.Office(County)));
        var unit = new CasesClient(target.As("cases", Person.Handler(County, Unit)));
        var id = (await province.CreateCaseAsync(Complaint(key), cancellationToken: ct)).Id;
        // Each level keeps one working day to check and report up: the most the no-squeeze rule lets it keep.
        await province.AssignDownAsync(new AssignDownRequest { CaseId = id, ToJurisdictionCode = City, WorkingDays = 10 }, cancellationToken: ct);
        await city.AssignDownAsync(new AssignDownRequest { CaseId = id, ToJurisdictionCode = County, WorkingDays = 9 }, cancellationToken: ct);
        await county.AssignDownAsync(new AssignDownRequest { CaseId = id, HandlingUnit = Unit, WorkingDays = 8 }, cancellationToken: ct);
        await unit.ReportHandlingAsync(new ReportHandlingRequest { CaseId = id, Findings = "属实", Result = "已整改", RectifiedNow = true }, cancellationToken: ct);
        foreach (var office in new[] { county, city, province })
            await office.VerifyReportAsync(new VerifyReportRequest { CaseId = id, Accept = true }, cancellationToken: ct);
        await province.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = id, CallbackResult = CallbackResult.Satisfied,
            Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
        }, cancellationToken: ct);
    }

    private async Task RegisterUnitAsync(CancellationToken ct)
    {
        try
        {
            await new Units.UnitsClient(target.As("cases", Person.Office(County))).RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = County, Name = Unit },
                cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { }
    }
}
