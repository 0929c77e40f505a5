using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application;
using Ducha.Secondment.Data;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

public sealed partial class SecondmentGrpcService(JurisdictionGuard guard, RegisterCadre register, JurisdictionRecords<SecondmentDbContext> records)
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
