using System.Text.Json;
using Ducha.Contracts.Assessment.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Contracts.Secondment.V1;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Inbox;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using AssessmentClient = Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// 单列 fed to Assessment: every grade Secondment records sends the cadre's line of Suzhou's separate list to Assessment,
/// which lists the seconded cadres apart, best first, for the level and the levels above — and keeps the fullest line
/// when an older one arrives late.
/// </summary>
public sealed class SeparateListTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    private static Task<Evaluation> GradeAsync(SecondmentClient by, SecondmentTerm term, Evaluator evaluator, Ducha.Contracts.Secondment.V1.Grade grade, string remarks) =>
        by.RecordEvaluationAsync(new RecordEvaluationRequest { Id = term.Id, Year = 2024, Evaluator = evaluator, Grade = grade, Remarks = remarks }).ResponseAsync;

    private async Task<SecondedCadreList> ListedAsync(string code = SecondmentSteps.City, string role = "assessor") =>
        await new AssessmentClient(host.As(code, role)).ListSecondedCadresAsync(new ListSecondedCadresRequest { JurisdictionCode = SecondmentSteps.City, Year = 2024 });

    /// <summary>The lines of <paramref name="terms"/> once Assessment holds <paramref name="grades"/> grades for them in all.</summary>
    private async Task<List<SecondedCadreResult>> LinesAsync(int grades, params SecondmentTerm[] terms)
    {
        var ids = terms.Select(t => t.Id).ToHashSet();
        var list = await Ducha.Testing.Eventually.UntilAsync(() => ListedAsync(),
            l => l.Cadres.Where(c => ids.Contains(c.SecondmentId)).Sum(c => c.Record.Count) == grades, TimeSpan.FromSeconds(20));
        return [.. list!.Cadres.Where(c => ids.Contains(c.SecondmentId))];
    }

    [Fact]
    public async Task Each_grade_reaches_assessment_as_the_cadres_whole_line_best_first()
    {
        var office = _steps.As(SecondmentSteps.City, "office");
        var wuzhong = _steps.As(SecondmentSteps.Wuzhong);
        var praised = await _steps.SecondAsync(await _steps.CadreAsync("单列甲"), "2024-04-01", "2024-12-31");
        var returned = await _steps.SecondAsync(await _steps.CadreAsync("单列乙"), "2024-04-01", "2024-12-31");

        await GradeAsync(wuzhong, praised, Evaluator.HomeUnit, Ducha.Contracts.Secondment.V1.Grade.Competent, "原单位：工作认真");
        var first = await LinesAsync(1, praised, returned);
        await GradeAsync(office, praised, Evaluator.Office, Ducha.Contracts.Secondment.V1.Grade.Outstanding, "办公室：督办信访件全部按时办结");
        await GradeAsync(wuzhong, returned, Evaluator.HomeUnit, Ducha.Contracts.Secondment.V1.Grade.Poor, "原单位：工作消极");
        var lines = await LinesAsync(3, praised, returned);

        // The home unit's grade stood alone at first; the office's then led.
        Assert.Equal((CadreGrade.Unspecified, CadreGrade.Competent, CadreGrade.Competent, CadreRecommendation.None),
            (first[0].OfficeGrade, first[0].HomeUnitGrade, first[0].Overall, first[0].Recommendation));
        Assert.Equal([praised.Id, returned.Id], lines.Select(l => l.SecondmentId));
        var top = lines[0];
        Assert.Equal(("单列甲", SecondmentSteps.WuzhongEcology, SecondmentSteps.Wuzhong, "信访督办组"), (top.CadreName, top.HomeUnit, top.HomeJurisdictionCode, top.PostName));
        Assert.Equal((CadreGrade.Outstanding, CadreGrade.Competent, CadreGrade.Outstanding, CadreRecommendation.PraiseAndPromote),
            (top.OfficeGrade, top.HomeUnitGrade, top.Overall, top.Recommendation));
        Assert.Equal([(CadreEvaluator.HomeUnit, "原单位：工作认真"), (CadreEvaluator.Office, "办公室：督办信访件全部按时办结")],
            top.Record.Select(r => (r.Evaluator, r.Remarks)));
        Assert.Equal((CadreGrade.Poor, CadreRecommendation.CriticizeOrReturn), (lines[1].Overall, lines[1].Recommendation));

        // The first line published again, late, under a new id: the fuller line stays.
        var older = (await _steps.EventsAsync("secondment.cadre-evaluated", praised.Id)).Select(d => d.Deserialize<CadreEvaluated>(JsonSerializerOptions.Web)!)
            .Single(e => e.Record.Count == 1);
        var (topic, envelope) = new CloudEventFactory(TimeProvider.System).Create("secondment", older);
        var subscription = host.Services.GetServices<EventSubscription>().Single(s => s.AppId == "assessment" && s.Topic == topic);
        Assert.Equal(DispatchOutcome.Applied, await host.Services.GetRequiredService<EventDispatcher>().DispatchAsync("test", subscription, envelope, null, CancellationToken.None));
        var after = (await ListedAsync()).Cadres.Single(c => c.SecondmentId == praised.Id);
        Assert.Equal((2, CadreGrade.Outstanding), (after.Record.Count, after.Overall));
    }

    [Fact]
    public async Task The_list_is_read_by_the_level_and_those_above_not_by_a_county_below_or_a_handling_unit()
    {
        var province = await ListedAsync("320000", "organization");
        var discipline = await ListedAsync(SecondmentSteps.City, "discipline");
        var county = await Assert.ThrowsAsync<RpcException>(() => ListedAsync(SecondmentSteps.Wuzhong, "office"));
        var unit = await Assert.ThrowsAsync<RpcException>(() => new AssessmentClient(host.AsUnit(SecondmentSteps.City, "苏州市生态环境局"))
            .ListSecondedCadresAsync(new ListSecondedCadresRequest { JurisdictionCode = SecondmentSteps.City, Year = 2024 }).ResponseAsync);
        var badYear = await Assert.ThrowsAsync<RpcException>(() => new AssessmentClient(host.As(SecondmentSteps.City, "assessor"))
            .ListSecondedCadresAsync(new ListSecondedCadresRequest { JurisdictionCode = SecondmentSteps.City, Year = 1999 }).ResponseAsync);

        Assert.Equal((SecondmentSteps.City, 2024), (province.JurisdictionCode, province.Year));
        Assert.Equal(province.Cadres.Count, discipline.Cadres.Count);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (county.StatusCode, unit.StatusCode));
        Assert.Equal(StatusCode.InvalidArgument, badYear.StatusCode);
        Assert.Contains("year:", badYear.Status.Detail, StringComparison.Ordinal);
    }
}
