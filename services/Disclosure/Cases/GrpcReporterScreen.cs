using Ducha.Contracts.Cases.V1;
using Ducha.Disclosure.Application.Bulletins;
using Grpc.Core;

namespace Ducha.Disclosure.Cases;

/// <summary>
/// Asks cases whether a case's texts carry its sealed reporter, as the disclosure service acting for itself in the
/// case's province; cases answers field names only. Cases unreachable: publication waits (Unavailable), since a bulletin
/// published unchecked could not be taken back.
/// </summary>
internal sealed class GrpcReporterScreen(DisclosureCasesClient cases) : IReporterScreen
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<string>> FieldsNamingReporterAsync(string provinceCode, string caseId, IReadOnlyDictionary<string, string> texts, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        using var acting = ServiceClients.ActForItself(provinceCode);
        try
        {
            var request = new MatchReporterValuesRequest { CaseId = caseId };
            foreach (var (field, text) in texts.Where(t => t.Value.Length > 0)) request.Texts[field] = text;
            var reply = await cases.MatchReporterValuesAsync(request, cancellationToken: patience.Token);
            return [.. reply.MatchedFields];
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.NotFound)
                                      && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "cases cannot be reached to check the bulletin for reporters' details; nothing was published, try again"));
        }
    }
}
