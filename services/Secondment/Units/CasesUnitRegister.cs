using Ducha.Contracts.Cases.V1;
using Ducha.Secondment.Application;
using Grpc.Core;

namespace Ducha.Secondment.Units;

/// <summary>Asks the cases service, which keeps the unit registers, on behalf of the person whose request is served.</summary>
internal sealed class CasesUnitRegister(Contracts.Cases.V1.Units.UnitsClient units) : IUnitRegister
{
    // A wall-clock limit, not the domain clock: the domain clock may be set to another day, the network's may not.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async Task<bool> HasActiveUnitAsync(string jurisdictionCode, string name, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var reply = await units.ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = jurisdictionCode }, cancellationToken: patience.Token);
            return reply.Units.Any(u => u.Active && string.Equals(u.Name, name, StringComparison.Ordinal));
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable || (ex.StatusCode is StatusCode.Cancelled && !cancellationToken.IsCancellationRequested))
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "the unit register (the cases service) cannot be reached to check home_unit; nothing was stored, try again"));
        }
    }
}
