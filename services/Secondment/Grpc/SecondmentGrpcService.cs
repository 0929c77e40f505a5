using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application;
using Ducha.Secondment.Data;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

// Partial: each part of the API (cadres, draws …) keeps its own file; a part's use cases are resolved per call from services.
public sealed partial class SecondmentGrpcService(JurisdictionGuard guard, RegisterCadre register, JurisdictionRecords<SecondmentDbContext> records,
    IServiceProvider services)
    : Contracts.Secondment.V1.Secondment.SecondmentBase
{
    public override async Task<Cadre> CreateCadre(CreateCadreRequest request, ServerCallContext context)
    {
        CadreRequests.Validate(request);
        var cadre = await register.HandleAsync(request.JurisdictionCode, request.Name, request.HomeUnit, (Domain.CadreRank)request.Rank,
            request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return cadre.ToContract();
    }

    public override async Task<Cadre> GetCadre(GetCadreRequest request, ServerCallContext context) =>
        (await records.FindAsync<Domain.Cadre>(RecordIds.Require(request.Id), guard.Caller, "GetCadre", context.CancellationToken)).ToContract();
}
