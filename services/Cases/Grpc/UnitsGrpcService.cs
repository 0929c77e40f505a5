using Ducha.Cases.Application.Units;
using Ducha.Contracts.Cases.V1;
using Grpc.Core;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>
/// The registers of handling units over gRPC (and REST through JSON transcoding): checks and maps each request and calls
/// its use case in <c>Application/Units/</c>; the rules live in <see cref="Domain.UnitRegister"/>.
/// </summary>
public sealed class UnitsGrpcService(JurisdictionGuard guard) : Units.UnitsBase
{
    private Actor Actor => guard.Caller;

    private static T Use<T>(ServerCallContext context) where T : notnull => context.GetHttpContext().RequestServices.GetRequiredService<T>();

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).ThrowIfInvalid();
        var units = await Use<ListUnits>(context).HandleAsync(request.JurisdictionCode, request.IncludeRetired, Actor, context.CancellationToken);
        var reply = new ListUnitsResponse();
        reply.Units.AddRange(units.Select(ToContract));
        return reply;
    }

    public override async Task<HandlingUnit> RegisterUnit(RegisterUnitRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).Add(Domain.UnitRegister.NameViolations(request.Name)).ThrowIfInvalid();
        return ToContract(await Use<RegisterUnit>(context).HandleAsync(request.JurisdictionCode, request.Name.Trim(), Actor, context.CancellationToken));
    }

    public override async Task<HandlingUnit> RetireUnit(RetireUnitRequest request, ServerCallContext context)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Add(Domain.UnitRegister.NameViolations(request.Name))
            .OptionalText(request.Reason, "reason", 500)
            .ThrowIfInvalid();
        var retired = await Use<RetireUnit>(context).HandleAsync(request.JurisdictionCode, request.Name.Trim(), CaseRequests.Blank(request.Reason), Actor,
            context.CancellationToken);
        return ToContract(retired);
    }

    private static HandlingUnit ToContract(Domain.HandlingUnit unit) => new()
    {
        JurisdictionCode = unit.JurisdictionCode,
        Name = unit.Name,
        Source = unit.FromTemplate ? UnitSource.Template : UnitSource.Registered,
        Active = unit.Active,
        RegisteredAt = unit.RegisteredAt.ToWire(),
        RegisteredBy = unit.RegisteredBy ?? string.Empty,
        RetiredAt = unit.RetiredAt.ToWire(),
        RetiredBy = unit.RetiredBy ?? string.Empty,
        RetireReason = unit.RetireReason ?? string.Empty,
    };
}
