using Ducha.Contracts.Cases.V1;
using Ducha.Disclosure.Application;
using Grpc.Core;
using Domain = Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Cases;

/// <summary>
/// Asks the cases service over gRPC for cases' public facts, as the disclosure service acting for itself: the fetcher
/// works for no person, so its token names none and reaches the province of the cases asked about — the narrowest
/// jurisdiction that holds them all, and cases lets such a token into this one call only.
/// </summary>
internal sealed class GrpcCaseFactsSource(DisclosureCasesClient cases) : ICaseFactsSource
{
    // A wall-clock limit, not the domain clock: the domain clock may be set to another day, the network's may not.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<CaseFactsAnswer> FetchAsync(string provinceCode, IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        using var acting = ServiceClients.ActForItself(provinceCode);
        try
        {
            var reply = await cases.GetPublicCaseFactsAsync(new GetPublicCaseFactsRequest { CaseIds = { caseIds } }, cancellationToken: patience.Token);
            return new CaseFactsAnswer([.. reply.Cases.Select(ToFacts)], [.. reply.UnknownCaseIds]);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CaseFactsUnavailableException($"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CaseFactsUnavailableException(ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CaseFactsUnavailableException($"no answer within {Patience.TotalSeconds:0} s", ex);
        }
    }

    private static Domain.CaseFacts ToFacts(PublicCaseFacts f) => new(f.CaseId, f.OriginJurisdictionCode, f.Address, Blank(f.Polluter), f.Description,
        Blank(f.Findings), Blank(f.Result), f.Rectification == Rectification.Unspecified ? Domain.Rectification.InHandling : (Domain.Rectification)f.Rectification,
        DateOnly.TryParseExact(f.RectificationDeadline, "yyyy-MM-dd", out var deadline) ? deadline : null, Blank(f.ExposureId));

    private static string? Blank(string text) => string.IsNullOrEmpty(text) ? null : text;
}
