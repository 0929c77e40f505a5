using System.Collections.Concurrent;
using System.Globalization;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Drill.Scenario;
using Ducha.Drill.Target;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Drill.Invariants;

/// <summary>
/// What must hold after a drill, checked through the deployment's own APIs against the drill's ledger: every acknowledged
/// complaint exists once, every history verifies, the services agree on the counts, no reporter value shows in public,
/// every deadline is the official calendar's, every step the drill took was accepted.
/// </summary>
public sealed class InvariantReport(DrillTarget target, MonthDrill drill, CountSnapshot before, int callers)
{
    private DrillLedger Ledger => drill.Ledger;
    private Person Province => Person.Office(drill.Map.Province.Code);
    private CasesClient Cases => new(target.As("cases", Province));

    public async Task<IReadOnlyList<Check>> RunAsync(CancellationToken cancellationToken) =>
    [
        StepsAccepted(),
        await AcknowledgedOnceAsync(cancellationToken),
        await HistoriesVerifyAsync(cancellationToken),
        await CountsAgreeAsync(cancellationToken),
        await OverdueMarkedAsync(cancellationToken),
        await DeadlinesFollowCalendarAsync(cancellationToken),
        await NoReporterInPublicAsync(cancellationToken),
        await DrawAndRankingChecks.PublicDrawAsync(target.Disclosure, Ledger, cancellationToken),
        DrawAndRankingChecks.Ranking(drill),
    ];

    private Check StepsAccepted() => new("每一步均被受理", Ledger.Surprises.IsEmpty,
        (Ledger.Surprises.IsEmpty ? $"{Ledger.Calls.Values.Sum():N0} 次调用" : $"{Ledger.Surprises.Count} 次意外拒绝，首个：{Ledger.Surprises.First()}")
        + (Ledger.Ambiguous.IsEmpty ? "" : $"；故障中应答丢失、按实际状态续办 {Ledger.Ambiguous.Count} 次"));

    /// <summary>Each acknowledged complaint reads back, and filing it again with its key answers the same case.</summary>
    private async Task<Check> AcknowledgedOnceAsync(CancellationToken cancellationToken)
    {
        var missing = new ConcurrentBag<string>();
        await ForEachAsync(Ledger.Acknowledged, async (pair, ct) =>
        {
            try { await Cases.GetCaseAsync(new GetCaseRequest { Id = pair.Value }, cancellationToken: ct); }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound) { missing.Add(pair.Key); }
        }, cancellationToken);
        var doubled = 0;
        foreach (var @case in Ledger.Cases.Values.Where(c => !c.FromExposure).Take(50))
            if ((await Cases.CreateCaseAsync(@case.Request, cancellationToken: cancellationToken)).Id != @case.Id) doubled++;
        var listed = (await Cases.ListCasesAsync(new ListCasesRequest
        {
            JurisdictionCode = drill.Map.Province.Code, ReceivedFrom = WorkingDays.Text(drill.FirstDay), ReceivedTo = WorkingDays.Text(drill.LastDay), PageSize = 1,
        }, cancellationToken: cancellationToken)).Total;
        return new("受理件不丢不重", missing.IsEmpty && doubled == 0 && listed >= Ledger.Acknowledged.Count,
            $"确认受理 {Ledger.Acknowledged.Count:N0} 件，查无 {missing.Count} 件，重复提交生成新件 {doubled} 件（抽查 50），期间列表共 {listed:N0} 件");
    }

    private async Task<Check> HistoriesVerifyAsync(CancellationToken cancellationToken)
    {
        var broken = new ConcurrentBag<string>();
        await ForEachAsync(Ledger.Cases.Keys, async (id, ct) =>
        {
            if (!(await Cases.VerifyHistoryAsync(new VerifyHistoryRequest { Id = id }, cancellationToken: ct)).Intact) broken.Add(id);
        }, cancellationToken);
        return new("每件历史链可验证", broken.IsEmpty, broken.IsEmpty ? $"{Ledger.Cases.Count:N0} 条历史链完整" : $"{broken.Count} 条断链，如 {broken.First()}");
    }

    /// <summary>
    /// What the drill filed, per county, against what Cases counts and what Disclosure counted from Cases' events since the
    /// drill began: equal when nothing was lost and each event was consumed once. Disclosure is given a minute to catch up.
    /// </summary>
    private async Task<Check> CountsAgreeAsync(CancellationToken cancellationToken)
    {
        // Complaints the drill filed, and a case Cases opens for each problem the province's column aired.
        var expected = Ledger.Cases.Values.Where(c => !c.FromExposure).Select(c => c.CountyCode).Concat(Ledger.AiredProblems.Values)
            .GroupBy(code => code).ToDictionary(g => g.Key, g => (long)g.Count());
        var until = DateTime.UtcNow.AddSeconds(60);
        CountSnapshot after;
        List<string> differing;
        do
        {
            after = await CountSnapshot.TakeAsync(target, drill.Map.Province.Code, cancellationToken);
            var now = after;
            differing = [.. expected.Where(e => now.CasesAdded(before, e.Key) != e.Value || now.DisclosureAdded(before, e.Key) != e.Value)
                .Select(e => $"{e.Key}：演练 {e.Value}、案件 {now.CasesAdded(before, e.Key)}、公开 {now.DisclosureAdded(before, e.Key)}")];
            if (differing.Count == 0) break;
            await Task.Delay(500, cancellationToken);
        } while (DateTime.UtcNow < until);
        return new("案件与公开服务计数一致", differing.Count == 0, differing.Count == 0
            ? $"{expected.Count} 个县区新增受理数在演练账、案件服务、公开服务三处一致（共 {expected.Values.Sum():N0} 件，含曝光问题 {Ledger.AiredProblems.Count} 件）"
            : $"{differing.Count} 个县区不一致，如 {differing[0]}");
    }

    /// <summary>On a moved clock, a case left unhandled past its deadline is marked overdue.</summary>
    private async Task<Check> OverdueMarkedAsync(CancellationToken cancellationToken)
    {
        var left = Ledger.Cases.Values.Where(c => c.Fate == CaseFate.LeftOverdue && c.Next == CaseStep.None).ToList();
        var today = WorkingDays.Text(drill.LastDay.AddDays(1));
        var due = 0;
        var unmarked = 0;
        foreach (var @case in left)
        {
            var now = await Cases.GetCaseAsync(new GetCaseRequest { Id = @case.Id }, cancellationToken: cancellationToken);
            if (string.CompareOrdinal(now.Deadline, today) >= 0 || now.Deadline.Length == 0) continue;
            due++;
            if (!now.Overdue) unmarked++;
        }
        return new("逾期件已标注", unmarked == 0, $"未办理的 {left.Count} 件中 {due} 件已过期限，未标注逾期 {unmarked} 件");
    }

    private async Task<Check> DeadlinesFollowCalendarAsync(CancellationToken cancellationToken)
    {
        var calendar = new WorkingDays(target);
        var wrong = new List<string>();
        var sample = Ledger.Deadlines.Take(300).ToList();
        foreach (var d in sample)
        {
            var delivered = DateOnly.FromDateTime(d.DeliveredAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var expected = await calendar.AddAsync(delivered, d.WorkingDays);
            if (expected != d.Deadline) wrong.Add($"{d.CaseId}: {delivered:yyyy-MM-dd} + {d.WorkingDays} 个工作日 = {expected}，实为 {d.Deadline}");
        }
        return new("期限符合法定工作日历", wrong.Count == 0, wrong.Count == 0 ? $"抽查 {sample.Count} 次交办期限均一致" : $"{wrong.Count} 处不一致，如 {wrong[0]}");
    }

    /// <summary>Every public page of the province and its cities, searched for every reporter's name and phone the drill gave.</summary>
    private async Task<Check> NoReporterInPublicAsync(CancellationToken cancellationToken)
    {
        var pages = await PublicPages.FetchAsync(target.Disclosure, drill.Map, cancellationToken);
        var values = Ledger.ReporterValues.Where(v => v.Length >= 2).Distinct().ToList();
        var leaks = pages.SelectMany(p => values.Where(v => p.Text.Contains(v, StringComparison.Ordinal)).Select(v => $"{p.Path}：{v}")).ToList();
        return new("公开页面不含举报人信息", leaks.Count == 0,
            leaks.Count == 0 ? $"{pages.Count} 个公开页面（{pages.Sum(p => p.Text.Length) / 1024:N0} KB）中未见 {values.Count:N0} 个举报人姓名、电话" : $"{leaks.Count} 处泄露，如 {leaks[0]}");
    }

    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = cancellationToken }, body);
}
