using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Reference.Jurisdictions;
using Ducha.ErrorMapping;
using static Ducha.Cases.Domain.CaseAccess;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>督: offices above the holder chase the case; stop orders are checked on their verification date.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> Supervise(SuperviseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .RequireDefined(request.Kind, "kind")
            .OptionalText(request.Leader, "leader", 100)
            .OptionalText(request.Note, "note", 2000)
            .Require(request.Kind is not (SupervisionKind.Listed or SupervisionKind.Ownership or SupervisionKind.SpecialTeam) || !string.IsNullOrWhiteSpace(request.Leader),
                "leader", "is required for listed supervision (挂牌督办), case ownership (包案) and a special team (its leader)")
            .Require(request.Kind is not (SupervisionKind.Notice or SupervisionKind.SpecialTeam) || !string.IsNullOrWhiteSpace(request.Note), "note",
                "is required for a supervision notice and for a special team (its open and undercover visits)")
            .ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "Supervise", ct);
        var caller = guard.Caller;
        if (caller.Role != "office")
            throw new PermissionDeniedException("Supervise: only a 263 office supervises cases.");
        if (!entity.IsOpen)
            throw new DomainRuleException($"A {entity.Status} case is not being handled and cannot be supervised.");
        if (entity.Holder == caller.AsParty() || !tree.IsWithin(entity.HolderJurisdictionCode, caller.JurisdictionCode))
            throw new DomainRuleException($"Supervise: only an office above the holder {entity.Holder} supervises it.");

        var kind = (Domain.SupervisionKind)request.Kind;
        var leader = CaseRequests.Blank(request.Leader);
        var now = journal.Now;
        journal.Db.Supervisions.Add(new Domain.CaseSupervision
        {
            CaseId = entity.Id, Number = await journal.NextNumberAsync<Domain.CaseSupervision>(entity.Id, ct), Kind = kind,
            Leader = leader, Note = CaseRequests.Blank(request.Note), ByJurisdictionCode = caller.JurisdictionCode, At = now,
        });
        if (kind == Domain.SupervisionKind.Listed) entity.ListUnder(leader!, now);
        else if (kind == Domain.SupervisionKind.Ownership) entity.GiveOwnershipTo(leader!, now);
        else entity.Touch(now);
        await journal.RecordAsync(entity, "Supervise", entity.Status, Actor(),
            $"{kind}" + (leader is null ? "" : $" by {leader}") + (CaseRequests.Blank(request.Note) is { } note ? $": {note}" : ""), ct);
        journal.Publish(new CaseSupervised(entity.Id, entity.JurisdictionCode, caller.JurisdictionCode, kind.ToString(), leader, now));
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }

    public override async Task<Case> VerifyStopMeasure(VerifyStopMeasureRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.MeasureNumber >= 1, "measure_number", "must be a measure number from the case file")
            .RequireText(request.Finding, "finding", 2000)
            .ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "VerifyStopMeasure", ct);
        if (guard.Caller.Role is not ("office" or "handler"))
            throw new PermissionDeniedException("VerifyStopMeasure: only the handling chain checks stop orders.");
        var measure = await journal.Db.Measures.FirstOrDefaultAsync(m => m.CaseId == entity.Id && m.Number == request.MeasureNumber, ct)
            ?? throw new EntityNotFoundException("Measure", $"{entity.Id}/{request.MeasureNumber}");
        if (!measure.IsStop)
            throw new DomainRuleException($"Measure {measure.Number} is a {measure.Kind} measure; only stop and shutdown orders are verified on site.");
        if (measure.VerifiedAt is not null)
            throw new DomainRuleException($"Measure {measure.Number} was already verified on {measure.VerifiedAt:yyyy-MM-dd}.");

        var finding = request.Finding.Trim();
        measure.Verify(finding, journal.Now);
        entity.Touch(journal.Now);
        await journal.RecordAsync(entity, "VerifyStopMeasure", entity.Status, Actor(), $"measure {measure.Number}: {finding}", ct);
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }
}
