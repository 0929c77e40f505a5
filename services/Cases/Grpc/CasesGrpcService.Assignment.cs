using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.ErrorMapping;
using static Ducha.Cases.Domain.CaseAccess;
using Ducha.Identity;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>转: assigning down and returning.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> AssignDown(AssignDownRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        var toUnit = CaseRequests.Blank(request.HandlingUnit);
        if (toUnit is null || !string.IsNullOrEmpty(request.ToJurisdictionCode))
            validator.RequireJurisdictionCode(request.ToJurisdictionCode, "to_jurisdiction_code");
        validator
            .Require(request.WorkingDays is >= 1 and <= 365, "working_days", "must be between 1 and 365")
            .OptionalText(request.Reason, "reason", 2000)
            .OptionalText(request.HandlingUnit, "handling_unit", 100)
            .ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "AssignDown", ct);
        var to = new Domain.CaseParty(string.IsNullOrEmpty(request.ToJurisdictionCode) ? entity.HolderJurisdictionCode : request.ToJurisdictionCode, toUnit);
        Domain.CaseAccess.EnsureHolder(entity, guard.Caller, "AssignDown");
        var now = journal.Now;
        var plan = assignments.Plan(entity, guard.Caller.AsParty(), to, request.WorkingDays, now);

        var chain = await journal.ChainAsync(entity, ct);
        var hop = new Domain.CaseAssignment
        {
            CaseId = entity.Id, Hop = chain.NextHop, Round = entity.Round, FromJurisdictionCode = plan.From.JurisdictionCode,
            ToJurisdictionCode = plan.To.JurisdictionCode, ToUnit = plan.To.Unit, WorkingDays = plan.WorkingDays,
            DeliveredAt = plan.DeliveredAt, Deadline = plan.Deadline, PreviousDeadline = entity.Deadline,
        };
        journal.Db.Assignments.Add(hop);
        var before = entity.Status;
        entity.AssignDown(plan.To, plan.Deadline, plan.DeliveredAt, now);
        await journal.RecordAsync(entity, "AssignDown", before, Actor(),
            $"to {plan.To}, {plan.WorkingDays} working days, due {plan.Deadline:yyyy-MM-dd}" + (CaseRequests.Blank(request.Reason) is { } why ? $": {why}" : ""), ct);
        journal.Publish(new CaseAssigned(entity.Id, entity.JurisdictionCode, plan.From.JurisdictionCode, plan.To.JurisdictionCode, plan.WorkingDays,
            plan.Deadline, plan.DeliveredAt, plan.To.Unit));
        // By day the case arrives at once; a night-time hop is announced at 08:00 by the deadline watch.
        if (plan.DeliveredAt <= now)
        {
            hop.AnnounceDelivery();
            journal.Publish(new CaseDelivered(entity.Id, entity.JurisdictionCode, plan.To.JurisdictionCode, plan.To.Unit, plan.Deadline, plan.DeliveredAt));
        }
        await journal.SaveAsync(ct);
        logger.LogInformation("Case {CaseId} assigned from {From} to {To}, due {Deadline}", entity.Id, plan.From, plan.To, plan.Deadline);
        return ToContract(entity);
    }

    public override async Task<Case> ReturnCase(ReturnCaseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.RequireText(request.Reason, "reason", 2000).ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "ReturnCase", ct);
        Domain.CaseAccess.EnsureHolder(entity, guard.Caller, "ReturnCase");
        var chain = await journal.ChainAsync(entity, ct);
        if (entity.Status != Domain.CaseStatus.Assigned || chain.Into(entity.Holder) is not { } current)
            throw new DomainRuleException($"Only a case just assigned to its holder can be returned; this one is {entity.Status} with {entity.Holder}.");

        var now = journal.Now;
        var reason = request.Reason.Trim();
        var before = entity.Status;
        current.Return(reason, now);
        entity.ReturnTo(current.From, current.PreviousDeadline, now);
        await journal.RecordAsync(entity, "Return", before, Actor(), $"to {current.From}: {reason}", ct);
        journal.Publish(new CaseReturned(entity.Id, entity.JurisdictionCode, current.ToJurisdictionCode, current.FromJurisdictionCode, reason, now, current.ToUnit));

        var bounces = chain.All.Count(a => a.IsReturned && a.Joins(current));
        if (bounces > 1 && !entity.BuckPassingFlagged)
        {
            entity.FlagBuckPassing();
            await journal.RecordAsync(entity, "FlagBuckPassing", entity.Status, Actor(), $"returned {bounces} times between {current.From} and {current.To}", ct);
            journal.Publish(new BuckPassingFlagged(entity.Id, entity.JurisdictionCode, current.FromJurisdictionCode, current.ToJurisdictionCode, bounces, now, current.ToUnit));
            logger.LogWarning("Case {CaseId} flagged for buck-passing between {A} and {B}", entity.Id, current.From, current.To);
        }
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }
}
