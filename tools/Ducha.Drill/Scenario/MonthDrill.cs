using Ducha.Contracts.Cases.V1;
using Ducha.Drill.Target;
using Spectre.Console;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Drill.Scenario;

/// <summary>The drill's shape: how many days, how many complaints each morning, from which seed.</summary>
public sealed record DrillPlan(string ProvinceCode, int Days, int ComplaintsPerDay, int Seed, int Callers = 8);

/// <summary>Awaited as each round (day) begins, before its morning batch: where drill chaos puts its faults.</summary>
public delegate Task RoundStarting(int round, CancellationToken cancellationToken);

/// <summary>
/// A province's inspection month: each morning a batch of complaints comes in at the province's office; on working days
/// every office takes the steps its cases are due for; bulletins go out on their cadence. On a movable clock the drill
/// moves time on day by day (every watch passing as it moves); on a real one each day is a round taken at once.
/// </summary>
public sealed class MonthDrill(DrillTarget target, DrillClock clock, DrillPlan plan, RoundStarting? roundStarting = null)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DrillLedger Ledger { get; } = new();
    public ProvinceMap Map { get; private set; } = null!;
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }
    public Ducha.Contracts.Assessment.V1.Ranking? Ranking { get; private set; }

    private static DateOnly FirstDayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(plan.Seed);
        Map = await ProvinceMap.LoadAsync(target, plan.ProvinceCode, cancellationToken);
        await Map.RegisterUnitsAsync(target, cancellationToken);
        var calendar = new WorkingDays(target);
        var maker = new ComplaintMaker(random);
        var work = new CaseWork(target, Map, calendar, Ledger);
        var bulletins = new BulletinWork(target, Map, Ledger);
        var exposure = new ExposureWork(target, Map, maker, Ledger);
        var tag = plan.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = (await clock.NowAsync()).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        // A moved clock repeats from the seed; on a real one every run is its own (a second run the same day draws anew).
        var secondment = new SecondmentWork(target, Map, maker, Ledger, clock.Movable ? $"{tag}-{FirstDayOf(await clock.NowAsync()):yyyyMMdd}" : $"{tag}-{run}");
        var assessment = new AssessmentWork(target, Map, Ledger);
        FirstDay = FirstDayOf(await clock.NowAsync());
        LastDay = clock.Movable ? FirstDay.AddDays(plan.Days - 1) : FirstDay;
        await bulletins.SetCadencesAsync(FirstDay, cancellationToken);
        await exposure.SetUpAsync(tag, cancellationToken);
        await secondment.SetUpAsync(FirstDay, cancellationToken);
        await assessment.SetUpAsync(FirstDay.Year, cancellationToken);
        var workingDays = 0;

        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var days = progress.AddTask($"[green]{Map.Province.Name}督察月[/]", maxValue: plan.Days);
            for (var round = 0; round < plan.Days; round++)
            {
                // On a real clock every round is today: the drill cannot make tomorrow come.
                var day = clock.Movable ? FirstDay.AddDays(round) : FirstDayOf(await clock.NowAsync());
                if (roundStarting is not null) await roundStarting(round, cancellationToken);
                await MoveToAsync(day, new TimeOnly(8, 30));
                await IntakeAsync(maker, random, day, $"{run}-{round}", cancellationToken);
                if (!clock.Movable || await calendar.IsWorkingAsync(day))
                {
                    await MoveToAsync(day, new TimeOnly(9, 30));
                    await exposure.AdoptCasesAsync(day, cancellationToken);
                    var due = Ledger.Cases.Values.Where(c => !c.Done && (!clock.Movable || c.NextOn <= day)).ToList();
                    await Parallel.ForEachAsync(due, Parallelism(cancellationToken), async (c, ct) => await work.StepAsync(c, day, ct));
                    await exposure.FollowUpAsync(day, cancellationToken);
                    if (++workingDays == 5) await secondment.DrawAsync(day, cancellationToken);
                    await MoveToAsync(day, new TimeOnly(16, 0));
                    await bulletins.PublishDraftsAsync(cancellationToken);
                }
                await MoveToAsync(day, new TimeOnly(19, 0));
                var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), Beijing);
                await exposure.AirAsync(day, clock.Movable ? noon : (await clock.NowAsync()).AddMinutes(-1), cancellationToken);
                days.Increment(1);
                days.Description = $"[green]{Map.Province.Name}督察月[/] {day:M月d日}：受理 {Ledger.Cases.Count} 件，办结 {Ledger.Calls.GetValueOrDefault("CloseCase")} 件";
            }
        });
        // The morning after: the watches announce what fell due on the last day; the draw's findings are in.
        await MoveToAsync(LastDay.AddDays(1), new TimeOnly(8, 30));
        await secondment.RevealAsync(cancellationToken);
        Ranking = await assessment.RankingAsync(FirstDay.Year, cancellationToken);
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = plan.Callers, CancellationToken = cancellationToken };

    private async Task MoveToAsync(DateOnly day, TimeOnly time)
    {
        if (!clock.Movable) return;
        var moment = new DateTimeOffset(day.ToDateTime(time), Beijing);
        if (moment > await clock.NowAsync()) await clock.MoveToAsync(moment);
    }

    /// <summary>The morning batch, filed at the province's office; one in twenty repeats an earlier complaint.</summary>
    private async Task IntakeAsync(ComplaintMaker maker, Random random, DateOnly day, string batchTag, CancellationToken cancellationToken)
    {
        var earlier = Ledger.Cases.Values.Where(c => !c.FromExposure).Select(c => c.Request).ToList();
        var batch = Enumerable.Range(0, plan.ComplaintsPerDay).Select(i =>
        {
            var key = $"drill-{plan.Seed}-{batchTag}-{i}";
            var repeat = earlier.Count > 0 && random.Next(20) == 0 ? earlier[random.Next(earlier.Count)] : null;
            var county = repeat is null ? maker.Pick(Map.AllCounties.ToList()) : Map.AllCounties.First(c => c.Code == repeat.JurisdictionCode);
            return (Request: maker.Complaint(county, key, repeat), City: county.ParentCode, Fate: Fate(random), Supervised: random.Next(20) == 0,
                Accountable: random.Next(30) == 0);
        }).ToList();
        var province = new CasesClient(target.As("cases", Person.Office(plan.ProvinceCode)));
        await Parallel.ForEachAsync(batch, Parallelism(cancellationToken), async (c, ct) =>
        {
            try
            {
                var filed = await province.CreateCaseAsync(c.Request, cancellationToken: ct);
                Ledger.Count("CreateCase");
                Ledger.Acknowledged[c.Request.IdempotencyKey] = filed.Id;
                Ledger.Cases[filed.Id] = new DrillCase(c.Request, filed.Id, c.City, c.Fate, c.Supervised, c.Accountable) { NextOn = day };
            }
            catch (Grpc.Core.RpcException e)
            {
                Ledger.Surprises.Enqueue($"CreateCase {c.Request.IdempotencyKey}: {e.StatusCode} {e.Status.Detail}");
            }
        });
    }

    private static CaseFate Fate(Random random) => random.Next(10) switch
    {
        0 => CaseFate.ReturnedOnce,
        1 => CaseFate.SentBackOnce,
        2 => CaseFate.LeftOverdue,
        _ => CaseFate.Handled,
    };
}
