using Ducha.Contracts.Cases.V1;
using Ducha.Disclosure.Application.Bulletins;
using Google.Protobuf;
using Grpc.Core;

namespace Ducha.Disclosure.Cases;

/// <summary>
/// Asks cases whether cases' texts carry their sealed reporter, as the disclosure service acting for itself in the cases'
/// province, in as few calls as cases takes (<c>MatchReporterValuesForCases</c>); cases answers field names only. Cases
/// unreachable: publication waits (Unavailable), since a bulletin published unchecked could not be taken back. A case
/// cases does not know refuses publication (NotFound): its texts cannot be checked against a reporter.
/// </summary>
internal sealed class GrpcReporterScreen(DisclosureCasesClient cases) : IReporterScreen
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>As many cases as cases takes in one call.</summary>
    public const int MaxCasesPerCall = 500;

    /// <summary>
    /// Cases reads messages of up to 4 MB (gRPC's default); 500 cases of long findings and results in Chinese would pass
    /// that, so a call also ends before this many bytes.
    /// </summary>
    public const int MaxBytesPerCall = 3 * 1024 * 1024;

    public async Task<IReadOnlyList<string>> FieldsNamingReporterAsync(string provinceCode, IReadOnlyList<CaseTexts> texts, CancellationToken cancellationToken)
    {
        using var acting = ServiceClients.ActForItself(provinceCode);
        var fields = new List<string>();
        foreach (var request in Requests(texts))
        {
            var reply = await AskAsync(request, cancellationToken);
            if (reply.UnknownCaseIds.Count > 0)
                throw new RpcException(new Status(StatusCode.NotFound,
                    $"cases knows no case {string.Join(", ", reply.UnknownCaseIds.Take(10))}{(reply.UnknownCaseIds.Count > 10 ? $" (and {reply.UnknownCaseIds.Count - 10} more)" : "")}; " +
                    "its texts cannot be checked for a reporter, so nothing was published"));
            fields.AddRange(reply.Cases.SelectMany(c => c.MatchedFields));
        }
        return fields;
    }

    /// <summary>The cases in calls of at most <see cref="MaxCasesPerCall"/> cases and <see cref="MaxBytesPerCall"/> bytes; empty texts left out.</summary>
    private static IEnumerable<MatchReporterValuesForCasesRequest> Requests(IReadOnlyList<CaseTexts> texts)
    {
        var request = new MatchReporterValuesForCasesRequest();
        var size = 0;
        foreach (var (caseId, caseTexts) in texts)
        {
            var one = new MatchReporterValuesRequest { CaseId = caseId };
            foreach (var (field, text) in caseTexts.Where(t => t.Value.Length > 0)) one.Texts[field] = text;
            var oneSize = 1 + CodedOutputStream.ComputeMessageSize(one); // its tag, its length and itself
            if (request.Cases.Count > 0 && (request.Cases.Count == MaxCasesPerCall || size + oneSize > MaxBytesPerCall))
            {
                yield return request;
                (request, size) = (new MatchReporterValuesForCasesRequest(), 0);
            }
            request.Cases.Add(one);
            size += oneSize;
        }
        if (request.Cases.Count > 0) yield return request;
    }

    private async Task<ReporterValueMatchesForCases> AskAsync(MatchReporterValuesForCasesRequest request, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            return await cases.MatchReporterValuesForCasesAsync(request, cancellationToken: patience.Token);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.NotFound)
                                      && !cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "cases cannot be reached to check the bulletin for reporters' details; nothing was published, try again"));
        }
    }
}
