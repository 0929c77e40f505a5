using Ducha.BuildingBlocks;
using Ducha.Contracts.Cases.V1;
using Ducha.ErrorMapping;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>接 and the reads: create, get, list, count and the case file.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<Case> CreateCase(CreateCaseRequest request, ServerCallContext context)
    {
        var (caseIntake, reporter) = request.ToIntake();
        guard.EnsureWithin(request.JurisdictionCode, "CreateCase");
        var (entity, _) = await intake.ReceiveAsync(caseIntake, reporter, Actor(), context.CancellationToken);
        return ToContract(entity);
    }

    public override async Task<Case> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireText(request.Id, "id", 36).ThrowIfInvalid();
        var entity = await journal.Db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, context.CancellationToken)
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

    public override async Task<CaseFile> GetCaseFile(GetCaseFileRequest request, ServerCallContext context)
    {
        var entity = await GetCase(new GetCaseRequest { Id = request.Id }, context);
        var ct = context.CancellationToken;
        var file = new CaseFile { Case = entity };
        file.Assignments.AddRange((await journal.Db.Assignments.AsNoTracking().Where(a => a.CaseId == request.Id).OrderBy(a => a.Hop).ToListAsync(ct))
            .Select(a => a.ToContract()));
        file.Reports.AddRange((await RecordsAsync<Domain.HandlingReport>(request.Id, ct)).Select(r => r.ToContract()));
        file.Measures.AddRange((await RecordsAsync<Domain.CaseMeasure>(request.Id, ct)).Select(m => m.ToContract()));
        file.Supervisions.AddRange((await RecordsAsync<Domain.CaseSupervision>(request.Id, ct)).Select(s => s.ToContract()));
        file.Accountability.AddRange((await RecordsAsync<Domain.AccountabilityRecord>(request.Id, ct)).Select(a => a.ToContract()));
        file.ClueReferrals.AddRange((await RecordsAsync<Domain.ClueReferral>(request.Id, ct)).Select(c => c.ToContract()));
        return file;
    }
}
