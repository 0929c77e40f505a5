using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.ErrorMapping;
using static Ducha.Cases.Domain.CaseAccess;
using Ducha.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>销号 and 问责: closing with the four not-let-go, recording accountability and referring clues.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator
            .Require(request.Attestations is not null, "attestations", "is required: the four not-let-go (四个不放过)")
            .RequireDefined(request.CallbackResult, "callback_result")
            .OptionalText(request.CallbackNote, "callback_note", 2000)
            .OptionalText(request.OverrideReason, "override_reason", 2000)
            .ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "CloseCase", ct);
        Domain.CaseAccess.EnsureHolder(entity, guard.Caller, "CloseCase");
        var a = request.Attestations!;
        var attested = new Domain.Attestations(a.CauseFound, a.RectificationDone, a.ResponsibilityFixed, a.PublicSatisfied);
        var callback = (Domain.CallbackResult)request.CallbackResult;
        var overrideReason = CaseRequests.Blank(request.OverrideReason);
        var hasAccountability = await journal.Db.Accountability.AnyAsync(r => r.CaseId == entity.Id, ct);
        Domain.ClosurePolicy.Check(entity, attested, callback, overrideReason, hasAccountability);

        var now = journal.Now;
        var before = entity.Status;
        entity.Close(callback, now);
        var overridden = callback == Domain.CallbackResult.Dissatisfied;
        await journal.RecordAsync(entity, "Close", before, Actor(),
            $"four not-let-go attested; callback {callback}" + (CaseRequests.Blank(request.CallbackNote) is { } note ? $" ({note})" : "")
            + (overridden ? $"; overridden: {overrideReason}" : ""), ct);
        journal.Publish(new CaseClosed(entity.Id, entity.JurisdictionCode, entity.HolderJurisdictionCode, callback.ToString(), overridden, entity.RepeatCount, now));
        await journal.SaveAsync(ct);
        logger.LogInformation("Case {CaseId} closed by {Office}, callback {Callback}", entity.Id, entity.HolderJurisdictionCode, callback);
        return ToContract(entity);
    }

    public override async Task<Case> RecordAccountability(RecordAccountabilityRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.Require(request.People.Count is >= 1 and <= 50, "people", "must list between 1 and 50 people");
        for (var i = 0; i < request.People.Count; i++)
        {
            var p = request.People[i];
            validator
                .RequireText(p.Name, $"people[{i}].name", 50)
                .RequireText(p.Position, $"people[{i}].position", 100)
                .RequireDefined(p.Rank, $"people[{i}].rank")
                .RequireDefined(p.Sanction, $"people[{i}].sanction")
                .Require(!p.FaultTolerated || !string.IsNullOrWhiteSpace(p.FaultToleranceReason), $"people[{i}].fault_tolerance_reason",
                    "is required when the person is exempted (容错)")
                .OptionalText(p.FaultToleranceReason, $"people[{i}].fault_tolerance_reason", 2000);
        }
        validator.ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "RecordAccountability", ct);
        var caller = guard.Caller;
        if (caller.Role is not ("office" or "discipline"))
            throw new PermissionDeniedException("RecordAccountability: only an office or the supervisory organ records accountability.");

        var now = journal.Now;
        var first = await journal.NextNumberAsync<Domain.AccountabilityRecord>(entity.Id, ct);
        var records = request.People.Select((p, i) => new Domain.AccountabilityRecord
        {
            CaseId = entity.Id, Number = first + i, PersonName = p.Name.Trim(), Position = p.Position.Trim(), Rank = (Domain.CadreRank)p.Rank,
            Sanction = (Domain.Sanction)p.Sanction, FaultTolerated = p.FaultTolerated,
            FaultToleranceReason = p.FaultTolerated ? p.FaultToleranceReason.Trim() : null, RecordedByJurisdictionCode = caller.JurisdictionCode, At = now,
        }).ToList();
        journal.Db.Accountability.AddRange(records);
        entity.Touch(now);
        await journal.RecordAsync(entity, "RecordAccountability", entity.Status, Actor(),
            $"{records.Count} accountable, {records.Count(r => r.FaultTolerated)} exempted (容错)", ct);
        journal.Publish(new AccountabilityRecorded(entity.Id, entity.JurisdictionCode, caller.JurisdictionCode,
            [.. records.Select(r => new AccountabilityOutcome(r.Rank.ToString(), r.Sanction.ToString(), r.FaultTolerated))], now));
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }

    public override async Task<Case> ReferClue(ReferClueRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        RequireCaseId(request.CaseId, validator);
        validator.RequireText(request.Summary, "summary", 4000).ThrowIfInvalid();
        var ct = context.CancellationToken;
        var entity = await LoadForChangeAsync(request.CaseId, "ReferClue", ct);
        var caller = guard.Caller;
        if (caller.Role != "office")
            throw new PermissionDeniedException("ReferClue: an office hands problem clues to its supervisory organ.");

        var now = journal.Now;
        var summary = request.Summary.Trim();
        journal.Db.ClueReferrals.Add(new Domain.ClueReferral
        {
            CaseId = entity.Id, Number = await journal.NextNumberAsync<Domain.ClueReferral>(entity.Id, ct), Summary = summary,
            SupervisoryOrganJurisdictionCode = caller.JurisdictionCode, At = now,
        });
        entity.Touch(now);
        await journal.RecordAsync(entity, "ReferClue", entity.Status, Actor(), $"problem clue to the supervisory organ of {caller.JurisdictionCode}", ct);
        journal.Publish(new ClueReferred(entity.Id, entity.JurisdictionCode, caller.JurisdictionCode, summary, now));
        await journal.SaveAsync(ct);
        return ToContract(entity);
    }
}
