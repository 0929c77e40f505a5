using Ducha.Contracts.Exposure.V1;
using Ducha.Drill.Target;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ExposureClient = Ducha.Contracts.Exposure.V1.Exposure.ExposureClient;

namespace Ducha.Drill.Scenario;

/// <summary>
/// 曝光 on its rhythm: the province's TV column (263在行动) airs two problems every Monday, Wednesday and Friday; the city
/// where each lies owes a return visit and a follow-up broadcast on its own column within 5 working days, and records
/// them — except one in six, left to go overdue for the follow-up watch to announce.
/// </summary>
public sealed class ExposureWork(DrillTarget target, ProvinceMap map, ComplaintMaker maker, DrillLedger ledger)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private string? _provinceColumn;
    private readonly Dictionary<string, string> _cityColumns = new(StringComparer.Ordinal);

    private ExposureClient As(string code) => new(target.As("exposure", Person.Office(code)));

    public async Task SetUpAsync(string seedTag, CancellationToken cancellationToken)
    {
        _provinceColumn = await ColumnAsync(map.Province.Code, $"{map.Province.Name}广播电视总台", "263在行动", seedTag, cancellationToken);
        foreach (var city in map.Cities)
            _cityColumns[city.Code] = await ColumnAsync(city.Code, $"{city.Name}广播电视台", "曝光台", seedTag, cancellationToken);
    }

    private async Task<string> ColumnAsync(string code, string outlet, string column, string seedTag, CancellationToken cancellationToken)
    {
        var created = await As(map.Province.Code).CreateMediaOutletAsync(new CreateMediaOutletRequest
            { JurisdictionCode = code, Name = outlet, Kind = MediaKind.Tv, WeeklyQuota = 3, IdempotencyKey = $"drill-{seedTag}-outlet-{code}" },
            cancellationToken: cancellationToken);
        ledger.Count("CreateMediaOutlet");
        var made = await As(code).CreateColumnAsync(new CreateColumnRequest
            { MediaOutletId = created.Id, Name = column, IdempotencyKey = $"drill-{seedTag}-column-{code}" }, cancellationToken: cancellationToken);
        ledger.Count("CreateColumn");
        return made.Id;
    }

    /// <summary>On the province column's air days: two problems proposed, scheduled and aired (at noon, or just now on a real clock).</summary>
    public async Task AirAsync(DateOnly day, DateTimeOffset airedAt, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek is not (DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)) return;
        var province = As(map.Province.Code);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var county = maker.Pick(map.AllCounties.ToList());
            var complaint = maker.Complaint(county, "exposure");
            var problem = await province.ProposeExposureAsync(new ProposeExposureRequest
            {
                ColumnId = _provinceColumn, PlaceJurisdictionCode = county.Code, Address = complaint.Address, Polluter = complaint.Polluter,
                PollutionType = (PollutionType)(int)complaint.PollutionType, Description = complaint.Description,
                Reasons = { SelectionReason.UndercoverVisit, SelectionReason.ProminentProblem },
            }, cancellationToken: cancellationToken);
            ids[problem.Id] = county.Code;
        }
        ledger.Count("ProposeExposure", ids.Count);
        // Keyed by its problems, so a programme sent again after an outage is the same programme.
        var programme = await province.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
            { ColumnId = _provinceColumn, AirDate = WorkingDays.Text(day), ExposureIds = { ids.Keys }, IdempotencyKey = "drill-" + string.Join(',', ids.Keys) },
            cancellationToken: cancellationToken);
        try
        {
            await province.RecordAiringAsync(new RecordAiringRequest { Id = programme.Id, AiredAt = Timestamp.FromDateTimeOffset(airedAt) },
                cancellationToken: cancellationToken);
        }
        catch (AmbiguousOutcomeException e)
        {
            // Aired by the attempt whose answer was lost, or refused for a reason of its own.
            var aired = (await province.GetExposureAsync(new GetExposureRequest { Id = ids.Keys.First() }, cancellationToken: cancellationToken)).AiredAt is not null;
            if (!aired) throw;
            ledger.Ambiguous.Enqueue($"RecordAiring of programme {programme.Id}: {e.Status.Detail}");
        }
        // Only aired problems become cases, so only they are counted.
        foreach (var (id, county) in ids) ledger.AiredProblems[id] = county;
        ledger.Count("ScheduleProgramme");
        ledger.Count("RecordAiring");
    }

    /// <summary>Each city records the follow-ups it owes (a day after the airing at the earliest), on today's broadcast.</summary>
    public async Task FollowUpAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return;
        foreach (var (city, column) in _cityColumns)
        {
            var client = As(city);
            var open = await client.ListFollowUpsAsync(new ListFollowUpsRequest { Completed = false, PageSize = 200 }, cancellationToken: cancellationToken);
            foreach (var problem in open.Exposures.Where(p => p.FollowUpJurisdictionCode == city && ledger.AiredProblems.ContainsKey(p.Id)))
            {
                var aired = DateOnly.FromDateTime(problem.AiredAt.ToDateTimeOffset().ToOffset(Beijing).DateTime);
                if (aired >= day || StableHash.Of(problem.Id) % 6 == 0) continue;
                try
                {
                    await client.RecordFollowUpAsync(new RecordFollowUpRequest
                    {
                        Id = problem.Id,
                        ReturnVisit = new ReturnVisit { Date = WorkingDays.Text(day), Findings = "回访现场，企业已停产整治，正在落实整改措施。", RectificationState = RectificationState.Rectifying },
                        Broadcast = new FollowUpBroadcast { ColumnId = column, AirDate = WorkingDays.Text(day) },
                    }, cancellationToken: cancellationToken);
                    ledger.Count("RecordFollowUp");
                }
                catch (AmbiguousOutcomeException e)
                {
                    ledger.Ambiguous.Enqueue($"RecordFollowUp on problem {problem.Id}: {e.Status.Detail}");
                }
                catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
                {
                    ledger.Surprises.Enqueue($"RecordFollowUp on problem {problem.Id}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }
    }

    /// <summary>
    /// The cases Cases opened for aired problems, already with the city that owes the follow-up: the drill walks them on
    /// from there like any complaint (the city gives it to the county, the county to a unit …).
    /// </summary>
    public async Task AdoptCasesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var province = As(map.Province.Code);
        foreach (var (problemId, countyCode) in ledger.AiredProblems.Where(p => !_adopted.Contains(p.Key)).ToList())
        {
            var problem = await province.GetExposureAsync(new GetExposureRequest { Id = problemId }, cancellationToken: cancellationToken);
            if (problem.CaseId.Length == 0) continue;
            _adopted.Add(problemId);
            var request = new Ducha.Contracts.Cases.V1.CreateCaseRequest
            {
                JurisdictionCode = countyCode, Polluter = problem.Polluter, Address = problem.Address, Description = problem.Description,
                IdempotencyKey = "exposure-" + problemId,
            };
            var city = map.AllCounties.First(c => c.Code == countyCode).ParentCode;
            ledger.Cases[problem.CaseId] = new DrillCase(request, problem.CaseId, city, CaseFate.Handled, supervised: false, accountable: false, fromExposure: true)
                { Next = CaseStep.ToCounty, NextOn = day };
        }
    }

    private readonly HashSet<string> _adopted = new(StringComparer.Ordinal);
}
