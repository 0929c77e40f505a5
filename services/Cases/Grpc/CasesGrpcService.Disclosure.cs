using Ducha.Contracts.Cases.V1;
using Grpc.Core;

namespace Ducha.Cases.Grpc;

/// <summary>The calls only the disclosure service makes, acting for itself: public facts, and reporter values in texts.</summary>
public sealed partial class CasesGrpcService
{
    public override async Task<PublicCaseFactsList> GetPublicCaseFacts(GetPublicCaseFactsRequest request, ServerCallContext context) =>
        (await Use<Application.GetPublicCaseFacts>(context).HandleAsync(request.Validate(), Actor, context.CancellationToken)).ToContract();

    public override async Task<ReporterValueMatches> MatchReporterValues(MatchReporterValuesRequest request, ServerCallContext context)
    {
        var texts = request.Validate();
        var reply = new ReporterValueMatches();
        reply.MatchedFields.AddRange(await Use<Application.MatchReporterValues>(context).HandleAsync(request.CaseId.Trim(), texts, Actor, context.CancellationToken));
        return reply;
    }

    public override async Task<ReporterValueMatchesForCases> MatchReporterValuesForCases(MatchReporterValuesForCasesRequest request, ServerCallContext context) =>
        (await Use<Application.MatchReporterValuesForCases>(context).HandleAsync(request.Validate(), Actor, context.CancellationToken)).ToContract();
}
