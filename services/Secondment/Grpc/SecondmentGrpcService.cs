using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application;
using Grpc.Core;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

public sealed partial class SecondmentGrpcService(JurisdictionGuard guard, RegisterCadre register)
    : Contracts.Secondment.V1.Secondment.SecondmentBase
{
    public override async Task<Cadre> CreateCadre(CreateCadreRequest request, ServerCallContext context)
    {
        CadreRequests.Validate(request);
        var cadre = await register.HandleAsync(request.JurisdictionCode, request.Name, request.HomeUnit, (Domain.CadreRank)request.Rank,
            request.Specialities, request.Subject, request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return cadre.ToContract();
    }
}
