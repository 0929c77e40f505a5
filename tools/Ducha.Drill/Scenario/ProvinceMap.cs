using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Reference.V1;
using Ducha.Drill.Target;
using Grpc.Core;

namespace Ducha.Drill.Scenario;

/// <summary>A province as the reference tree gives it: its cities, their counties, and the handling units each county registers.</summary>
public sealed record ProvinceMap(Jurisdiction Province, IReadOnlyList<Jurisdiction> Cities, IReadOnlyDictionary<string, IReadOnlyList<Jurisdiction>> Counties)
{
    /// <summary>The units every county registers for the drill: its environment bureau and two others that take complaints.</summary>
    public static readonly string[] UnitKinds = ["生态环境局", "住房和城乡建设局", "城市管理局"];

    public IEnumerable<Jurisdiction> AllCounties => Cities.SelectMany(c => Counties[c.Code]);

    public static string UnitOf(Jurisdiction county, int kind) => county.Name + UnitKinds[kind];

    public string UnitOf(string countyCode, int kind) => UnitOf(AllCounties.First(c => c.Code == countyCode), kind);

    public static async Task<ProvinceMap> LoadAsync(DrillTarget target, string provinceCode, CancellationToken cancellationToken)
    {
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(target.Anonymous("cases"));
        var province = await reference.GetJurisdictionAsync(new GetJurisdictionRequest { Code = provinceCode }, cancellationToken: cancellationToken);
        var cities = (await reference.ListChildrenAsync(new ListChildrenRequest { Code = provinceCode }, cancellationToken: cancellationToken)).Items
            .Where(c => c.Level == JurisdictionLevel.City).ToList();
        var counties = new Dictionary<string, IReadOnlyList<Jurisdiction>>(StringComparer.Ordinal);
        foreach (var city in cities)
            counties[city.Code] = [.. (await reference.ListChildrenAsync(new ListChildrenRequest { Code = city.Code }, cancellationToken: cancellationToken)).Items];
        return new ProvinceMap(province, cities, counties);
    }

    /// <summary>Each county's office registers its units (once: a unit already in the register is left as it is).</summary>
    public async Task RegisterUnitsAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(AllCounties, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (county, ct) =>
        {
            var units = new Units.UnitsClient(target.As("cases", Person.Office(county.Code)));
            for (var kind = 0; kind < UnitKinds.Length; kind++)
            {
                try { await units.RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = county.Code, Name = UnitOf(county, kind) }, cancellationToken: ct); }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { }
            }
        });
    }
}
