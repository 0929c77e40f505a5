using Ducha.Cases.Confidentiality;
using Ducha.Cases.Data;
using AssignmentPolicy = Ducha.Cases.Domain.AssignmentPolicy;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus.Outbox;
using Ducha.Persistence;
using Ducha.ServiceDefaults.Errors;
using Ducha.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

public sealed class CasesGrpcService(CasesDbContext db, JurisdictionGuard guard, EventOutbox<CasesDbContext> outbox, ReporterProtector reporters,
    AssignmentPolicy assignments, CaseQueries queries, TimeProvider time, ILogger<CasesGrpcService> logger) : Contracts.Cases.V1.Cases.CasesBase
{
    /// <summary>The handling chain: the offices that assign and verify, and the units that handle.</summary>
    private static readonly HashSet<string> ReporterReaders = ["office", "handler"];

    public override async Task<Case> CreateCase(CreateCaseRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request);
        guard.EnsureWithin(request.JurisdictionCode, "CreateCase");
        var (entity, created) = await db.AddOnceAsync(request.IdempotencyKey,
            key => c => c.IdempotencyKey == key,
            () => Domain.Case.Receive(request.JurisdictionCode, request.Address, request.Coordinates?.Latitude, request.Coordinates?.Longitude,
                request.Polluter, (Domain.PollutionType)request.PollutionType, request.Description, (Domain.Channel)request.Channel,
                request.CentralInspection, request.IdempotencyKey, time.GetStoredUtcNow()),
            c =>
            {
                c.ReceiveAt(guard.Caller.JurisdictionCode);
                if (request.Reporter is { } r)
                    c.SealReporter(reporters.Seal(c.Id, new ReporterIdentity(r.Name.Trim(), r.Phone.Trim(), r.Address.Trim())));
                db.Transitions.Add(Domain.CaseTransition.Append(null, c.Id, "Receive", null, c.Status, Actor(),
                    $"channel {c.Channel}", c.ReceivedAt));
                outbox.Add(new CaseReceived(c.Id, c.JurisdictionCode, c.Channel.ToString(), c.PollutionType.ToString(), c.CentralInspection, c.ReceivedAt));
            },
            context.CancellationToken);
        if (created)
            logger.LogInformation("Case {CaseId} received for {JurisdictionCode} via {Channel}", entity.Id, entity.JurisdictionCode, entity.Channel);
        return ToContract(entity);
    }

    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
            ?? throw new EntityNotFoundException("Case", request.Id);
        guard.EnsureWithin(entity.JurisdictionCode, "GetCase");
        return ToContract(entity);
    }

    public override async Task<CasePage> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? guard.Caller.JurisdictionCode : request.JurisdictionCode;
        new RequestValidator().RequireJurisdictionCode(root).ThrowIfInvalid();
        guard.EnsureWithin(root, "ListCases");
        var (cases, total, next) = await queries.ListAsync(request, root, context.CancellationToken);
        var page = new CasePage { Total = total, NextPageToken = next };
        page.Cases.AddRange(cases.Select(ToContract));
        return page;
    }

    public override async Task<CaseCounts> CountCases(CountCasesRequest request, ServerCallContext context)
    {
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? guard.Caller.JurisdictionCode : request.JurisdictionCode;
        new RequestValidator().RequireJurisdictionCode(root).ThrowIfInvalid();
        guard.EnsureWithin(root, "CountCases");
        return await queries.CountAsync(root, context.CancellationToken);
    }

    public override async Task<Case> AssignDown(AssignDownRequest request, ServerCallContext context)
    {
        new RequestValidator()
            .RequireText(request.CaseId, "case_id", 36)
            .RequireJurisdictionCode(request.ToJurisdictionCode, "to_jurisdiction_code")
            .Require(request.WorkingDays is >= 1 and <= 365, "working_days", "must be between 1 and 365")
            .OptionalText(request.Reason, "reason", 2000)
            .ThrowIfInvalid();
        var entity = await db.Cases.FirstOrDefaultAsync(c => c.Id == request.CaseId, context.CancellationToken)
            ?? throw new EntityNotFoundException("Case", request.CaseId);
        guard.EnsureWithin(entity.JurisdictionCode, "AssignDown");
        var plan = assignments.Plan(entity, guard.Caller.JurisdictionCode, request.ToJurisdictionCode, request.WorkingDays, time.GetStoredUtcNow());

        var previous = await LastTransitionAsync(entity.Id, context.CancellationToken);
        var hops = await db.Assignments.CountAsync(a => a.CaseId == entity.Id, context.CancellationToken);
        db.Assignments.Add(new Domain.CaseAssignment
        {
            CaseId = entity.Id, Hop = hops + 1, FromJurisdictionCode = plan.From, ToJurisdictionCode = plan.To, WorkingDays = plan.WorkingDays,
            DeliveredAt = plan.DeliveredAt, Deadline = plan.Deadline, PreviousDeadline = entity.Deadline,
        });
        var before = entity.Status;
        entity.AssignDown(plan.To, plan.Deadline, plan.DeliveredAt);
        db.Transitions.Add(Domain.CaseTransition.Append(previous, entity.Id, "AssignDown", before, entity.Status, Actor(),
            $"to {plan.To}, {plan.WorkingDays} working days, due {plan.Deadline:yyyy-MM-dd}" + (string.IsNullOrWhiteSpace(request.Reason) ? "" : $": {request.Reason.Trim()}"),
            time.GetStoredUtcNow()));
        outbox.Add(new CaseAssigned(entity.Id, entity.JurisdictionCode, plan.From, plan.To, plan.WorkingDays, plan.Deadline, plan.DeliveredAt));
        await db.SaveChangesAsync(context.CancellationToken);
        logger.LogInformation("Case {CaseId} assigned from {From} to {To}, due {Deadline}", entity.Id, plan.From, plan.To, plan.Deadline);
        return ToContract(entity);
    }

    public override async Task<Case> ReturnCase(ReturnCaseRequest request, ServerCallContext context)
    {
        new RequestValidator()
            .RequireText(request.CaseId, "case_id", 36)
            .RequireText(request.Reason, "reason", 2000)
            .ThrowIfInvalid();
        var entity = await db.Cases.FirstOrDefaultAsync(c => c.Id == request.CaseId, context.CancellationToken)
            ?? throw new EntityNotFoundException("Case", request.CaseId);
        guard.EnsureWithin(entity.JurisdictionCode, "ReturnCase");
        var hops = await db.Assignments.Where(a => a.CaseId == entity.Id).OrderBy(a => a.Hop).ToListAsync(context.CancellationToken);
        var current = hops.LastOrDefault(a => !a.IsReturned);
        if (current is null || entity.HolderJurisdictionCode != guard.Caller.JurisdictionCode || current.ToJurisdictionCode != entity.HolderJurisdictionCode)
            throw new DomainRuleException($"Only the office the case was last assigned to can return it; it is held by {entity.HolderJurisdictionCode}.");

        var now = time.GetStoredUtcNow();
        var reason = request.Reason.Trim();
        var previous = await LastTransitionAsync(entity.Id, context.CancellationToken);
        var before = entity.Status;
        current.Return(reason, now);
        entity.ReturnTo(current.FromJurisdictionCode, current.PreviousDeadline);
        var returned = Domain.CaseTransition.Append(previous, entity.Id, "Return", before, entity.Status, Actor(), $"to {current.FromJurisdictionCode}: {reason}", now);
        db.Transitions.Add(returned);
        outbox.Add(new CaseReturned(entity.Id, entity.JurisdictionCode, current.ToJurisdictionCode, current.FromJurisdictionCode, reason, now));

        var bounces = hops.Count(a => a.IsReturned && a.Joins(current));
        if (bounces > 1 && !entity.BuckPassingFlagged)
        {
            entity.FlagBuckPassing();
            db.Transitions.Add(Domain.CaseTransition.Append(returned, entity.Id, "FlagBuckPassing", entity.Status, entity.Status, Actor(),
                $"returned {bounces} times between {current.FromJurisdictionCode} and {current.ToJurisdictionCode}", now));
            outbox.Add(new BuckPassingFlagged(entity.Id, entity.JurisdictionCode, current.FromJurisdictionCode, current.ToJurisdictionCode, bounces, now));
            logger.LogWarning("Case {CaseId} flagged for buck-passing between {A} and {B}", entity.Id, current.FromJurisdictionCode, current.ToJurisdictionCode);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        return ToContract(entity);
    }

    private Task<Domain.CaseTransition> LastTransitionAsync(string caseId, CancellationToken cancellationToken) =>
        db.Transitions.Where(t => t.CaseId == caseId).OrderByDescending(t => t.Sequence).FirstAsync(cancellationToken);

    public override async Task<CaseHistory> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        var chain = await ChainAsync(request.Id, "GetHistory", context.CancellationToken);
        var reply = new CaseHistory();
        reply.Transitions.AddRange(chain.Select(t => t.ToContract()));
        return reply;
    }

    public override async Task<HistoryVerification> VerifyHistory(VerifyHistoryRequest request, ServerCallContext context)
    {
        var chain = await ChainAsync(request.Id, "VerifyHistory", context.CancellationToken);
        var broken = Domain.CaseTransition.FirstBrokenLink(chain);
        if (broken is { } b)
            logger.LogWarning("History of case {CaseId} is broken at link {Sequence}: {Reason}", request.Id, b.Sequence, b.Reason);
        return new HistoryVerification
        {
            Intact = broken is null,
            Transitions = chain.Count,
            FirstBrokenSequence = broken?.Sequence ?? 0,
            Reason = broken?.Reason ?? string.Empty,
        };
    }

    private async Task<List<Domain.CaseTransition>> ChainAsync(string id, string action, CancellationToken cancellationToken)
    {
        new RequestValidator().RequireText(id, "id", 36).ThrowIfInvalid();
        var jurisdiction = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.JurisdictionCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("Case", id);
        guard.EnsureWithin(jurisdiction, action);
        return await db.Transitions.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
    }

    private Domain.CaseActor Actor()
    {
        var caller = guard.Caller;
        return new Domain.CaseActor(caller.Subject, caller.Role, caller.JurisdictionCode, caller.Level);
    }

    /// <summary>The reporter travels only to the handling chain; everyone else sees the case without it.</summary>
    private Case ToContract(Domain.Case entity)
    {
        var contract = entity.ToContract();
        if (entity.ReporterSealed is { } sealedIdentity && ReporterReaders.Contains(guard.Caller.Role))
        {
            var reporter = reporters.Open(entity.Id, sealedIdentity);
            contract.Reporter = new Reporter { Name = reporter.Name, Phone = reporter.Phone, Address = reporter.Address };
        }
        return contract;
    }
}
