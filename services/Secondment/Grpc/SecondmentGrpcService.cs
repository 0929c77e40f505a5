using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application;
using Ducha.Secondment.Data;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

/// <summary>The secondment API: thin adapters over the use cases in Application/, one partial file per part of it.</summary>
public sealed partial class SecondmentGrpcService(JurisdictionGuard guard, IServiceProvider services) : Contracts.Secondment.V1.Secondment.SecondmentBase
{
    // Each call resolves only the use case it runs.
    private T Use<T>() where T : notnull => services.GetRequiredService<T>();

    public override async Task<Cadre> CreateCadre(CreateCadreRequest request, ServerCallContext context)
    {
        CadreRequests.Validate(request);
        var cadre = await Use<RegisterCadre>().HandleAsync(request.JurisdictionCode, request.Name, request.HomeUnit, (Domain.CadreRank)request.Rank,
            request.IdempotencyKey, guard.Caller, context.CancellationToken);
        return cadre.ToContract();
    }

    public override async Task<Cadre> GetCadre(GetCadreRequest request, ServerCallContext context) =>
        (await Use<JurisdictionRecords<SecondmentDbContext>>().FindAsync<Domain.Cadre>(RecordIds.Require(request.Id), guard.Caller, "GetCadre",
            context.CancellationToken)).ToContract();
}
