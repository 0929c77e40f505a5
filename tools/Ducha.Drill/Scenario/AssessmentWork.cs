using Ducha.Contracts.Assessment.V1;
using Ducha.Drill.Target;
using Grpc.Core;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;

namespace Ducha.Drill.Scenario;

/// <summary>
/// 考核: the province puts the shipped example scheme in force for the year at the start (unless one already is), so the
/// month's deductions — lateness, buck-passing, accountability — land on its cities' live score sheets; at the end the
/// drill reads the ranking.
/// </summary>
public sealed class AssessmentWork(DrillTarget target, ProvinceMap map, DrillLedger ledger)
{
    private AssessmentClient Province => new(target.As("assessment", Person.Office(map.Province.Code)));

    public async Task SetUpAsync(int year, CancellationToken cancellationToken)
    {
        var schemes = await Province.ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = map.Province.Code }, cancellationToken: cancellationToken);
        if (schemes.Schemes.Any(s => s.Year == year && s.JurisdictionCode == map.Province.Code && s.Audience == Audience.Subordinates && s.State == SchemeState.InForce))
            return;
        try
        {
            var scheme = await Province.CreateSchemeAsync(new CreateSchemeRequest
                { JurisdictionCode = map.Province.Code, Year = year, Audience = Audience.Subordinates, FromExample = true }, cancellationToken: cancellationToken);
            await Province.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = scheme.Id }, cancellationToken: cancellationToken);
            ledger.Count("CreateScheme");
            ledger.Count("PutSchemeInForce");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            ledger.Count("CreateScheme refused");
        }
    }

    public async Task<Ranking> RankingAsync(int year, CancellationToken cancellationToken) =>
        await Province.ListRankingsAsync(new ListRankingsRequest { JurisdictionCode = map.Province.Code, Year = year, Audience = Audience.Subordinates },
            cancellationToken: cancellationToken);
}
