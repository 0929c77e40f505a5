using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.ErrorMapping;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>办 and 核: the handling report goes up; each office accepts it onward or sends it back down.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> ReportHandling(ReportHandlingRequest request, ServerCallContext context)
    {
        var draft = request.ToDraft();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "ReportHandling", ct);
        Domain.CaseAccess.EnsureHolder(entity, guard.Caller, "ReportHandling");
        var chain = await journal.ChainAsync(entity, ct);
        var into = chain.Into(entity.Holder);
        Domain.HandlingPolicy.EnsureCanReport(entity, into);
        Domain.HandlingPolicy.Check(draft, journal.Today);

        var now = journal.Now;
        var reporter = entity.Holder;
        var number = await journal.NextNumberAsync<Domain.HandlingReport>(entity.Id, ct);
        journal.Db.Reports.Add(new Domain.HandlingReport
        {
            CaseId = entity.Id, Number = number, Round = entity.Round, JurisdictionCode = reporter.JurisdictionCode, Unit = reporter.Unit,
            Findings = draft.Findings, Result = draft.Result, RectifiedNow = draft.RectifiedNow, TouchesLivelihood = draft.TouchesLivelihood,
            PlanTarget = draft.HasPlan ? draft.PlanTarget : null, PlanMeasures = draft.HasPlan ? draft.PlanMeasures : null,
            PlanDeadline = draft.HasPlan ? draft.PlanDeadline : null, PlanResponsibleUnit = draft.HasPlan ? draft.PlanResponsibleUnit : null,
            PlanPhases = draft.HasPlan ? [.. draft.PlanPhases] : [],
            SubmittedAt = now,
        });
        var firstMeasure = await journal.NextNumberAsync<Domain.CaseMeasure>(entity.Id, ct);
        foreach (var (measure, i) in draft.Measures.Select((m, i) => (m, i)))
        {
            journal.Db.Measures.Add(new Domain.CaseMeasure
            {
                CaseId = entity.Id, Number = firstMeasure + i, ReportNumber = number, Kind = measure.Kind, Scope = measure.Scope,
                Description = measure.Description, Investigation = measure.Investigation, VerificationDate = measure.VerificationDate,
            });
        }
        var before = entity.Status;
        entity.ReportUpTo(into!.From, into.PreviousDeadline, now);
        await journal.RecordAsync(entity, "ReportHandling", before, Actor(),
            $"report {number} to {into.From}: " + (draft.RectifiedNow ? "rectified now" : $"rectification plan due {draft.PlanDeadline:yyyy-MM-dd}, {draft.PlanResponsibleUnit} responsible")
            + (draft.NeedsPhases ? $", {draft.PlanPhases.Count} phases (livelihood)" : ""), ct);
        journal.Publish(new CaseReported(entity.Id, entity.JurisdictionCode, reporter.JurisdictionCode, reporter.Unit, into.FromJurisdictionCode,
            draft.RectifiedNow, draft.HasPlan ? draft.PlanDeadline : null, draft.Measures.Count(m => m.Kind is Domain.MeasureKind.Stop or Domain.MeasureKind.Shutdown), now));
        await journal.SaveAsync(ct);
        logger.LogInformation("Case {CaseId} reported by {Reporter} to {Office}", entity.Id, reporter, into.From);
        return ToContract(entity);
    }

    public override async Task<Case> VerifyReport(VerifyReportRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.Accept || !string.IsNullOrWhiteSpace(request.Reason), "reason", "is required when sending a report back")
            .OptionalText(request.Reason, "reason", 2000)
            .Require(request.Method == VerificationMethod.Unspecified || Enum.IsDefined(request.Method), "method", "is not a verification method")
            .ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "VerifyReport", ct);
        Domain.CaseAccess.EnsureHolder(entity, guard.Caller, "VerifyReport");
        if (entity.Status != Domain.CaseStatus.Reported)
            throw new DomainRuleException($"There is no report to verify: the case is {entity.Status} with {entity.Holder}.");
        var chain = await journal.ChainAsync(entity, ct);
        var office = entity.Holder;
        var now = journal.Now;
        var before = entity.Status;
        var method = request.Method == VerificationMethod.Unspecified ? null : ((Domain.VerificationMethod)request.Method).ToString();
        var reason = CaseRequests.Blank(request.Reason);

        if (request.Accept)
        {
            var up = chain.Into(office);
            if (up is null) entity.MarkVerified(now);
            else entity.ReportUpTo(up.From, up.PreviousDeadline, now);
            await journal.RecordAsync(entity, "Verify", before, Actor(),
                (up is null ? "accepted; verified at the originating office" : $"accepted; reported on to {up.From}")
                + (method is null ? "" : $" ({method})") + (reason is null ? "" : $": {reason}"), ct);
            journal.Publish(new CaseVerified(entity.Id, entity.JurisdictionCode, office.JurisdictionCode, up?.FromJurisdictionCode, up is null, method, now));
        }
        else
        {
            var down = chain.OutOf(office)
                ?? throw new DomainRuleException("The report cannot be sent back: this office made no assignment it could go back to.");
            entity.SendBackTo(down.To, down.Deadline, now);
            await journal.RecordAsync(entity, "SendBack", before, Actor(), $"to {down.To}: {reason}", ct);
            journal.Publish(new CaseSentBack(entity.Id, entity.JurisdictionCode, office.JurisdictionCode, down.ToJurisdictionCode, down.ToUnit, reason!, now));
        }
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }
}
