using Ducha.Cases.Application;
using Ducha.Cases.Confidentiality;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;
using static Ducha.Cases.Domain.CaseAccess;
using Ducha.ErrorMapping;
using Ducha.Identity;
using Microsoft.EntityFrameworkCore;
using AssignmentPolicy = Ducha.Cases.Domain.AssignmentPolicy;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>
/// The cases API. Each phase of 接、转、办、督、核 and 销号 lives in its own part of this class; every change goes through the
/// <see cref="CaseJournal"/>, so state, history link and events commit together.
/// </summary>
public sealed partial class CasesGrpcService(CaseJournal journal, CaseIntakeService intake, JurisdictionGuard guard, ReporterProtector reporters,
    AssignmentPolicy assignments, CaseQueries queries, JurisdictionTree tree, ILogger<CasesGrpcService> logger) : Contracts.Cases.V1.Cases.CasesBase
{

    /// <summary>Loads a case for a change by the caller, refused unless it lies in the caller's part of the tree.</summary>
    private async Task<Domain.Case> LoadForChangeAsync(string caseId, string action, CancellationToken cancellationToken)
    {
        var entity = await journal.LoadAsync(caseId, cancellationToken);
        guard.EnsureWithin(entity.JurisdictionCode, action);
        return entity;
    }

    private Domain.CaseActor Actor() => Domain.CaseAccess.AsActor(guard.Caller);

    /// <summary>
    /// The reporter travels only to the handling chain that needs it (DOMAIN.md §8): the offices above the place, and a
    /// handling unit while the case is with it. Other units, the supervisory organ and assessors see the case without it.
    /// </summary>
    private Case ToContract(Domain.Case entity)
    {
        var contract = entity.ToContract(journal.Today);
        var caller = guard.Caller;
        var inChain = caller.Role == "office" || (caller.Role == "handler" && caller.Unit is not null && entity.Holder == caller.AsParty());
        if (entity.ReporterSealed is { } sealedIdentity && inChain)
        {
            var reporter = reporters.Open(entity.Id, sealedIdentity);
            contract.Reporter = new Reporter { Name = reporter.Name, Phone = reporter.Phone, Address = reporter.Address };
        }
        return contract;
    }

    private static void RequireCaseId(string caseId, RequestValidator validator) => validator.RequireText(caseId, "case_id", 36);

    private async Task<List<T>> RecordsAsync<T>(string caseId, CancellationToken cancellationToken) where T : class, Domain.ICaseRecord =>
        await journal.Db.Set<T>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Number).ToListAsync(cancellationToken);
}
