using Ducha.BuildingBlocks;
using Domain = Ducha.Cases.Domain;
using Ducha.Contracts.Cases.V1;
using Ducha.ErrorMapping;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Ducha.Cases.Grpc;

/// <summary>The hash-chained history of a case, and its check.</summary>
public sealed partial class CasesGrpcService
{
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
        var db = journal.Db;
        var jurisdiction = await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.JurisdictionCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw new EntityNotFoundException("Case", id);
        guard.EnsureWithin(jurisdiction, action);
        return await db.Transitions.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
    }
}
