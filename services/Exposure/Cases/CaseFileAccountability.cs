using Ducha.Contracts.Cases.V1;
using Ducha.Exposure.Application;
using Grpc.Core;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Cases;

/// <summary>
/// Reads a case's file in the cases service, on behalf of the person whose request is served, and keeps of each person
/// held accountable only their rank, sanction and exemption: names and positions stay in Cases.
/// </summary>
internal sealed class CaseFileAccountability(Contracts.Cases.V1.Cases.CasesClient cases) : ICaseAccountability
{
    // A wall-clock limit, not the domain clock: the domain clock may be set to another day, the network's may not.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<Domain.PersonAccounted>> PeopleHeldAccountableAsync(string caseId, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var file = await cases.GetCaseFileAsync(new GetCaseFileRequest { Id = caseId }, cancellationToken: patience.Token);
            return [.. file.Accountability.Select(a => new Domain.PersonAccounted((Domain.CadreRank)a.Person.Rank, (Domain.Sanction)a.Person.Sanction,
                a.Person.FaultTolerated))];
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            // The case an airing opened for the caller's own problem: Cases not showing it to them is a state to fix, not their input.
            throw new DomainRuleException($"The case {caseId} cannot be read in the cases service on the caller's behalf ({ex.StatusCode}: {ex.Status.Detail}).");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                                      || (ex.StatusCode is StatusCode.Cancelled && !cancellationToken.IsCancellationRequested))
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the cases service cannot be reached to read the accountability recorded on case {caseId}; nothing was stored, try again"));
        }
    }
}
