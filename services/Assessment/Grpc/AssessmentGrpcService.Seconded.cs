using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Model = Ducha.Assessment.Domain.Seconded;

namespace Ducha.Assessment.Grpc;

/// <summary>单列: the seconded cadres' lines Secondment sent; enums by value (the domain's match the .proto's), an ungraded side unset.</summary>
public sealed partial class AssessmentGrpcService
{
    public override async Task<SecondedCadreList> ListSecondedCadres(ListSecondedCadresRequest request, ServerCallContext context)
    {
        SheetRequests.Validate(request);
        var reply = new SecondedCadreList { JurisdictionCode = request.JurisdictionCode, Year = request.Year };
        reply.Cadres.AddRange((await Use<Application.Seconded.ListSecondedCadres>().HandleAsync(request.JurisdictionCode, request.Year, guard.Caller,
            context.CancellationToken)).Select(ToContract));
        return reply;
    }

    private static SecondedCadreResult ToContract(Model.SecondedCadreResult r)
    {
        var line = new SecondedCadreResult
        {
            SecondmentId = r.SecondmentId, CadreId = r.CadreId, CadreName = r.CadreName, HomeJurisdictionCode = r.HomeJurisdictionCode,
            HomeUnit = r.HomeUnit, PostName = r.PostName, Year = r.Year, OfficeGrade = (CadreGrade)(int)(r.OfficeGrade ?? 0),
            HomeUnitGrade = (CadreGrade)(int)(r.HomeUnitGrade ?? 0), Overall = (CadreGrade)r.Overall, Recommendation = (CadreRecommendation)r.Recommendation,
        };
        line.Record.AddRange(r.Record.Select(g => new CadreGradeRecord
        {
            Evaluator = (CadreEvaluator)g.Evaluator, Grade = (CadreGrade)g.Grade, Remarks = g.Remarks, RecordedAt = Timestamp.FromDateTimeOffset(g.RecordedAt),
        }));
        return line;
    }
}
