using Ducha.Contracts.Cases.V1;
using Ducha.Secondment.Application.Supervision;
using Grpc.Core;

namespace Ducha.Secondment.Cases;

/// <summary>Asks the cases service for a case, on behalf of the person whose request is served: what they may not see is not found.</summary>
internal sealed class CasesCaseDirectory(SecondmentCasesClient cases) : ICaseDirectory
{
    // A wall-clock limit, not the domain clock: the domain clock may be set to another day, the network's may not.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async Task<string?> FindCaseJurisdictionAsync(string caseId, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            return (await cases.GetCaseAsync(new GetCaseRequest { Id = caseId }, cancellationToken: patience.Token)).JurisdictionCode;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.InvalidArgument)
        {
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable || (ex.StatusCode is StatusCode.Cancelled && !cancellationToken.IsCancellationRequested))
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "the cases service cannot be reached to check case_id; nothing was stored, try again"));
        }
    }
}
