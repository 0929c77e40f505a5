using Ducha.Contracts.Cases.V1;
using Ducha.Drill.Target;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Drill.Scenario;

/// <summary>
/// One step of a case's month, taken by the person whose step it is: the province, city and county offices assign it
/// down (the deadline as the no-squeeze rule allows it), the unit reports or says it is not responsible, each office
/// verifies on the way up, and the province closes it. What the deployment answers goes into the ledger.
/// </summary>
public sealed class CaseWork(DrillTarget target, ProvinceMap map, WorkingDays calendar, DrillLedger ledger)
{
    private readonly string provinceCode = map.Province.Code;

    private CasesClient Cases(Person person) => new(target.As("cases", person));

    public async Task StepAsync(DrillCase @case, DateOnly today, CancellationToken cancellationToken)
    {
        var step = @case.Next;
        try
        {
            await TakeAsync(@case, step, today, cancellationToken);
        }
        catch (AmbiguousOutcomeException e)
        {
            var now = await Cases(Person.Office(provinceCode)).GetCaseAsync(new GetCaseRequest { Id = @case.Id }, cancellationToken: cancellationToken);
            ledger.Ambiguous.Enqueue($"{step} on case {@case.Id}: {e.Status.Detail}");
            (@case.Next, @case.NextOn) = (CaseResume.NextStep(@case, now, provinceCode), today);
        }
        catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
        {
            ledger.Surprises.Enqueue($"{step} on case {@case.Id}: {e.StatusCode} {e.Status.Detail}");
            @case.Next = CaseStep.None;
        }
    }

    private async Task TakeAsync(DrillCase @case, CaseStep step, DateOnly today, CancellationToken ct)
    {
        var unit = CountyUnit(@case);
        switch (step)
        {
            case CaseStep.ToCity:
                await AssignAsync(@case, Person.Office(provinceCode), new AssignDownRequest { CaseId = @case.Id, ToJurisdictionCode = @case.CityCode }, ct);
                await MoveOnAsync(@case, CaseStep.ToCounty, today);
                break;
            case CaseStep.ToCounty:
                await AssignAsync(@case, Person.Office(@case.CityCode), new AssignDownRequest { CaseId = @case.Id, ToJurisdictionCode = @case.CountyCode }, ct);
                await MoveOnAsync(@case, CaseStep.ToUnit, today);
                break;
            case CaseStep.ToUnit:
                var county = Person.Office(@case.CountyCode);
                await AssignAsync(@case, county, new AssignDownRequest { CaseId = @case.Id, HandlingUnit = CountyUnit(@case) }, ct);
                if (@case.Supervised)
                {
                    await Cases(Person.Office(provinceCode)).SuperviseAsync(new SuperviseRequest
                        { CaseId = @case.Id, Kind = SupervisionKind.Reminder, Note = "省督察办催办：请按期办结并报送结果。" }, cancellationToken: ct);
                    ledger.Count("Supervise");
                }
                if (@case.Fate == CaseFate.LeftOverdue) { @case.Next = CaseStep.None; break; }
                await MoveOnAsync(@case, CaseStep.Report, today, extra: DaysToHandle(@case));
                break;
            case CaseStep.Report:
                var handler = Cases(Person.Handler(@case.CountyCode, CountyUnit(@case)));
                if (@case.Fate == CaseFate.ReturnedOnce && !@case.Returned)
                {
                    await handler.ReturnCaseAsync(new ReturnCaseRequest { CaseId = @case.Id, Reason = $"该问题不属于{unit}职责范围，建议交由相关部门办理。" }, cancellationToken: ct);
                    ledger.Count("ReturnCase");
                    (@case.Returned, @case.UnitKind) = (true, @case.UnitKind + 1);
                    await MoveOnAsync(@case, CaseStep.ToUnit, today);
                    break;
                }
                await handler.ReportHandlingAsync(Report(@case), cancellationToken: ct);
                ledger.Count("ReportHandling");
                await MoveOnAsync(@case, CaseStep.CountyVerifies, today);
                break;
            case CaseStep.CountyVerifies:
                var sendBack = @case.Fate == CaseFate.SentBackOnce && !@case.SentBack;
                await VerifyAsync(@case.CountyCode, @case, accept: !sendBack, ct);
                if (sendBack) { @case.SentBack = true; await MoveOnAsync(@case, CaseStep.Report, today, extra: 1); }
                else await MoveOnAsync(@case, CaseStep.CityVerifies, today);
                break;
            case CaseStep.CityVerifies:
                await VerifyAsync(@case.CityCode, @case, accept: true, ct);
                await MoveOnAsync(@case, CaseStep.ProvinceVerifies, today);
                break;
            case CaseStep.ProvinceVerifies:
                await VerifyAsync(provinceCode, @case, accept: true, ct);
                await MoveOnAsync(@case, CaseStep.Close, today);
                break;
            case CaseStep.Close:
                await CloseAsync(@case, ct);
                @case.Next = CaseStep.None;
                break;
        }
    }

    private string CountyUnit(DrillCase @case) => map.UnitOf(@case.CountyCode, @case.UnitKind % ProvinceMap.UnitKinds.Length);

    private async Task AssignAsync(DrillCase @case, Person office, AssignDownRequest request, CancellationToken ct)
    {
        var client = Cases(office);
        var terms = await client.GetAssignmentTermsAsync(new GetAssignmentTermsRequest { CaseId = @case.Id }, cancellationToken: ct);
        // A level keeps some of its own time and gives the rest down, never less than the no-squeeze rule allows.
        var wanted = @case.Next switch { CaseStep.ToCity => 15, CaseStep.ToCounty => 12, _ => 9 };
        var days = Math.Max(terms.HasMinimum ? terms.MinWorkingDays : 1, wanted);
        request.WorkingDays = terms.HasMaximum ? Math.Max(1, Math.Min(days, terms.MaxWorkingDays)) : days;
        var assigned = await client.AssignDownAsync(request, cancellationToken: ct);
        ledger.Count("AssignDown");
        ledger.Deadlines.Enqueue(new AssignedDeadline(@case.Id, assigned.DeliveredAt.ToDateTimeOffset(), request.WorkingDays, assigned.Deadline));
    }

    private async Task VerifyAsync(string code, DrillCase @case, bool accept, CancellationToken ct)
    {
        await Cases(Person.Office(code)).VerifyReportAsync(new VerifyReportRequest
        {
            CaseId = @case.Id, Accept = accept, Method = accept ? VerificationMethod.Documents : VerificationMethod.OnSite,
            Reason = accept ? "" : "现场核查发现整改不到位，废气处理设施仍未运行，请重新办理。",
        }, cancellationToken: ct);
        ledger.Count("VerifyReport");
    }

    private async Task CloseAsync(DrillCase @case, CancellationToken ct)
    {
        var province = Cases(Person.Office(provinceCode));
        if (@case.Accountable)
        {
            await province.RecordAccountabilityAsync(new RecordAccountabilityRequest
            {
                CaseId = @case.Id,
                People =
                {
                    new AccountablePerson { Name = "赵某", Position = "镇分管负责人", Rank = CadreRank.Section, Sanction = Sanction.Admonition },
                    new AccountablePerson
                    {
                        Name = "钱某", Position = "环保所所长", Rank = CadreRank.Section, Sanction = Sanction.Admonition, FaultTolerated = true,
                        FaultToleranceReason = "已按规定履职并及时报告，问题系企业夜间偷排所致，符合容错情形。",
                    },
                },
            }, cancellationToken: ct);
            ledger.Count("RecordAccountability");
        }
        await province.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = @case.Id, CallbackResult = CallbackResult.Satisfied, CallbackNote = "电话回访，举报人对处理结果表示满意。",
            Attestations = new Attestations { CauseFound = true, RectificationDone = true, ResponsibilityFixed = true, PublicSatisfied = true },
        }, cancellationToken: ct);
        ledger.Count("CloseCase");
    }

    private static ReportHandlingRequest Report(DrillCase @case) => new()
    {
        CaseId = @case.Id,
        Findings = $"经现场核查，{@case.Request.Polluter}反映问题{(@case.SentBack ? "经复查" : "")}属实。",
        Result = "已责令立即整改，违法行为已停止，经复测达标，并依法立案处罚。",
        RectifiedNow = true,
    };

    /// <summary>0 to 3 more working days a unit takes, fixed by the complaint so the drill repeats from its seed whatever the order of calls.</summary>
    private static int DaysToHandle(DrillCase @case) =>
        (int)(StableHash.Of(@case.Request.Address + @case.Request.Description) % 4);

    private async Task MoveOnAsync(DrillCase @case, CaseStep next, DateOnly today, int extra = 0) =>
        (@case.Next, @case.NextOn) = (next, await calendar.AfterAsync(today, extra));
}
