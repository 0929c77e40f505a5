using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.History;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ducha.Secondment.Grpc;

/// <summary>The level's hash-chained history of secondments, evaluations and draws, and its verification.</summary>
public sealed partial class SecondmentGrpcService
{
    private const string HistoryPageVersion = "h1";

    public override async Task<History> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.PageSize is >= 0 and <= 500, "page_size", "must be between 1 and 500");
        long after = 0;
        if (request.PageToken.Length > 0)
            validator.Require(PagePosition.TryDecode(request.PageToken, HistoryPageVersion, out var key, out _) && long.TryParse(key, out after) && after >= 0,
                "page_token", "is not a token this list issued");
        validator.ThrowIfInvalid();
        var page = await Use<ReadHistory>().PageAsync(request.JurisdictionCode, request.PageSize == 0 ? 100 : request.PageSize, after, guard.Caller,
            context.CancellationToken);
        var answer = new History
        {
            NextPageToken = page.NextAfter is { } next ? PagePosition.Encode(HistoryPageVersion, next.ToString(System.Globalization.CultureInfo.InvariantCulture), "h") : "",
        };
        answer.Entries.AddRange(page.Links.Select(l => new HistoryEntry
        {
            Sequence = l.Sequence, Kind = l.Kind, SubjectId = l.SubjectId, At = Timestamp.FromDateTimeOffset(l.At), Actor = l.Actor,
            PayloadHash = l.PayloadHash, PreviousHash = l.PreviousHash, Hash = l.Hash,
        }));
        return answer;
    }

    public override async Task<HistoryVerification> VerifyHistory(VerifyHistoryRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).ThrowIfInvalid();
        var check = await Use<ReadHistory>().VerifyAsync(request.JurisdictionCode, guard.Caller, context.CancellationToken);
        return new HistoryVerification { Valid = check.Valid, Entries = check.Entries, FirstBrokenSequence = check.FirstBroken };
    }
}
