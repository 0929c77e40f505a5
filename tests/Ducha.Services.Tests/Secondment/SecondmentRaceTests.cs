using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Data;
using Grpc.Core;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// No overlapping secondments, even when Suzhou and Jiangsu second the same cadre at the same moment: each level has its
/// own history chain, so only the cadre's row stands between two terms stored side by side.
/// </summary>
public sealed class SecondmentRaceTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    [Fact]
    public async Task Two_levels_seconding_one_cadre_at_once_store_one_term_and_the_others_are_refused_or_aborted()
    {
        var cadre = await _steps.CadreAsync("争调");
        var levels = new[] { SecondmentSteps.City, "320000" };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var level = levels[i % 2];
            var request = SecondmentSteps.Term(cadre, "2024-06-01", "2024-11-30", post: $"督察组 {i}");
            request.JurisdictionCode = level;
            try
            {
                await new SecondmentClient(host.As(level, "organization")).SecondAsync(request);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.All(outcomes, code => Assert.Contains(code, new[] { StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.Aborted }));
        Assert.Equal(1, outcomes.Count(c => c == StatusCode.OK));
        Assert.Single(await host.QueryAsync<SecondmentDbContext, string>(db => db.Secondments.Where(s => s.CadreId == cadre.Id).Select(s => s.Id)));
    }
}
