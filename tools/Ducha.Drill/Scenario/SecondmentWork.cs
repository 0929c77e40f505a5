using Ducha.Contracts.Secondment.V1;
using Ducha.Drill.Target;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Drill.Scenario;

/// <summary>
/// 抽调 and 双随机一公开: the province's organization department seconds six cadres from county environment bureaus to its
/// inspection team; the office keeps registers of targets (risk-classed enterprises across the counties) and inspectors
/// (the seconded cadres and enforcement staff), draws a round in the second week — only the commitment goes public — and
/// reveals it with the findings at the month's end.
/// </summary>
public sealed class SecondmentWork(DrillTarget target, ProvinceMap map, ComplaintMaker maker, DrillLedger ledger, string tag)
{
    private SecondmentClient Organization => new(target.As("secondment", new Person(map.Province.Code, "organization")));
    private SecondmentClient Office => new(target.As("secondment", Person.Office(map.Province.Code)));

    public async Task SetUpAsync(DateOnly first, CancellationToken cancellationToken)
    {
        var counties = map.AllCounties.ToList();
        for (var i = 0; i < 6; i++)
        {
            var county = counties[(i * 7) % counties.Count];
            var cadre = await Organization.CreateCadreAsync(new CreateCadreRequest
            {
                JurisdictionCode = county.Code, Name = maker.PersonName(), HomeUnit = ProvinceMap.UnitOf(county, 0), Rank = CadreRank.Section,
                Specialities = { i % 2 == 0 ? "大气" : "水" }, Subject = $"drill-{tag}-cadre-{i}", IdempotencyKey = $"drill-{tag}-cadre-{i}",
            }, cancellationToken: cancellationToken);
            await Organization.SecondAsync(new SecondRequest
            {
                CadreId = cadre.Id, JurisdictionCode = map.Province.Code, Post = PostKind.InspectionTeam, PostName = i < 3 ? "督察组·信访督办组" : "督察组·综合巡查组",
                StartDate = WorkingDays.Text(first), EndDate = WorkingDays.Text(first.AddDays(180)), IdempotencyKey = $"drill-{tag}-second-{i}",
            }, cancellationToken: cancellationToken);
            await Office.AddInspectorAsync(new AddInspectorRequest { JurisdictionCode = map.Province.Code, CadreId = cadre.Id, IdempotencyKey = $"drill-{tag}-inspector-{i}" },
                cancellationToken: cancellationToken);
        }
        ledger.Count("CreateCadre", 6);
        ledger.Count("Second", 6);
        for (var i = 0; i < 10; i++)
        {
            var county = counties[(i * 11 + 3) % counties.Count];
            await Office.AddInspectorAsync(new AddInspectorRequest
            {
                JurisdictionCode = map.Province.Code, Name = maker.PersonName(), Unit = ProvinceMap.UnitOf(county, 0), HomeJurisdictionCode = county.Code,
                IdempotencyKey = $"drill-{tag}-staff-{i}",
            }, cancellationToken: cancellationToken);
        }
        ledger.Count("AddInspector", 16);
        for (var i = 0; i < 40; i++)
        {
            var county = counties[(i * 5 + 1) % counties.Count];
            await Office.AddTargetAsync(new AddTargetRequest
            {
                JurisdictionCode = county.Code, Name = maker.Complaint(county, "target").Polluter, PollutionType = i % 3 == 0 ? "水" : "大气",
                Risk = (RiskClass)(1 + i % 3), IdempotencyKey = $"drill-{tag}-target-{i}",
            }, cancellationToken: cancellationToken);
        }
        ledger.Count("AddTarget", 40);
    }

    public async Task DrawAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var draw = await Office.MakeDrawAsync(new MakeDrawRequest
            { JurisdictionCode = map.Province.Code, Round = $"{day:yyyy年M月}-第1轮-{tag}", Targets = 6, Teams = 3, TeamSize = 2, IdempotencyKey = $"drill-{tag}-draw" },
            cancellationToken: cancellationToken);
        ledger.Count("MakeDraw");
        ledger.Draw = (draw.Id, draw.Commitment);
    }

    public async Task RevealAsync(CancellationToken cancellationToken)
    {
        if (ledger.Draw is not { } made) return;
        var draw = await Office.GetDrawAsync(new GetDrawRequest { Id = made.Id }, cancellationToken: cancellationToken);
        foreach (var pair in draw.Pairs)
            await Office.RecordFindingAsync(new RecordFindingRequest { Id = draw.Id, TargetId = pair.TargetId, Findings = $"第{pair.Team}组现场检查：未发现违法排污行为" },
                cancellationToken: cancellationToken);
        ledger.Count("RecordFinding", draw.Pairs.Count);
        await Office.RevealDrawAsync(new RevealDrawRequest { Id = draw.Id }, cancellationToken: cancellationToken);
        ledger.Count("RevealDraw");
    }
}
