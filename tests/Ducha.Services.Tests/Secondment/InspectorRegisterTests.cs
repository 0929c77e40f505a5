using Ducha.Contracts.Secondment.V1;
using Grpc.Core;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// Suzhou's register of inspectors for 双随机 draws: a cadre enters it with the name, unit and home jurisdiction of the
/// cadre's record, never typed ones — so avoidance (回避) cannot be dodged — and only once, even when two offices
/// enter the same cadre at the same moment.
/// </summary>
public sealed class InspectorRegisterTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    private static AddInspectorRequest Entry(Cadre cadre, string? key = null) => new()
    {
        JurisdictionCode = SecondmentSteps.City, CadreId = cadre.Id, IdempotencyKey = key ?? "",
    };

    private async Task<List<Inspector>> RegisterAsync()
    {
        var all = new List<Inspector>();
        var token = "";
        do
        {
            var page = await _steps.CityOrganization.ListInspectorsAsync(new ListInspectorsRequest { JurisdictionCode = SecondmentSteps.City, PageSize = 200, PageToken = token });
            all.AddRange(page.Inspectors);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    [Fact]
    public async Task A_cadre_enters_with_the_records_own_name_unit_and_home_once()
    {
        var cadre = await _steps.CadreAsync("名录甲");

        var typed = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.AddInspectorAsync(
            new AddInspectorRequest(Entry(cadre)) { Name = "冒名顶替", Unit = "别的单位", HomeJurisdictionCode = SecondmentSteps.Huqiu }));
        var entered = await _steps.CityOrganization.AddInspectorAsync(Entry(cadre, "inspector-jia"));
        var retried = await _steps.CityOrganization.AddInspectorAsync(Entry(cadre, "inspector-jia"));
        var twice = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.AddInspectorAsync(Entry(cadre)));
        var unknown = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.AddInspectorAsync(
            new AddInspectorRequest(Entry(cadre)) { CadreId = Guid.CreateVersion7().ToString() }));

        Assert.Equal((cadre.Id, "名录甲", SecondmentSteps.WuzhongEcology, SecondmentSteps.Wuzhong),
            (entered.CadreId, entered.Name, entered.Unit, entered.HomeJurisdictionCode));
        Assert.Equal((StatusCode.InvalidArgument, true), (typed.StatusCode, typed.Status.Detail.Contains("cadre_id:", StringComparison.Ordinal)));
        Assert.Equal(entered.Id, retried.Id);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal("cadre_id", twice.Trailers.GetValue(Ducha.ErrorMapping.ErrorInterceptor.FieldTrailer));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Single(await RegisterAsync(), i => i.CadreId == cadre.Id);
    }

    [Fact]
    public async Task Two_offices_entering_one_cadre_at_once_store_one_entry()
    {
        var cadre = await _steps.CadreAsync("名录乙");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var by = new SecondmentClient(host.As(SecondmentSteps.City, i % 2 == 0 ? "organization" : "office"));
            try
            {
                await by.AddInspectorAsync(Entry(cadre, $"inspector-yi-{i}"));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(c => c == StatusCode.OK));
        Assert.All(outcomes.Where(c => c != StatusCode.OK), c => Assert.Equal(StatusCode.FailedPrecondition, c));
        Assert.Single(await RegisterAsync(), i => i.CadreId == cadre.Id);
    }

    [Fact]
    public async Task A_cadre_outside_the_levels_reach_is_not_entered()
    {
        const string Hangzhou = "330100", Unit = "杭州市生态环境局";
        try { await new UnitsClient(host.As(Hangzhou)).RegisterUnitAsync(new Ducha.Contracts.Cases.V1.RegisterUnitRequest { JurisdictionCode = Hangzhou, Name = Unit }); }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { }
        var elsewhere = await new SecondmentClient(host.As(Hangzhou, "organization")).CreateCadreAsync(new CreateCadreRequest
            { JurisdictionCode = Hangzhou, Name = "外省干部", HomeUnit = Unit, Rank = CadreRank.Division, Subject = $"cadre-{Guid.NewGuid():N}" });

        var refused = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.AddInspectorAsync(Entry(elsewhere)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.DoesNotContain(await RegisterAsync(), i => i.CadreId == elsewhere.Id);
    }
}
