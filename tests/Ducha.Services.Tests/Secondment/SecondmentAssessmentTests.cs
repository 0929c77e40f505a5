using Ducha.Contracts.Secondment.V1;
using Grpc.Core;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// 双重管理，以办公室为主 and 单列: the office and the home unit grade each seconded cadre for 2024; the year's separate list
/// takes the office's grade whenever it graded and recommends by it, with the evaluations behind each line.
/// </summary>
public sealed class SecondmentAssessmentTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    private static Task<Evaluation> GradeAsync(SecondmentClient by, SecondmentTerm term, Evaluator evaluator, Grade grade) =>
        by.RecordEvaluationAsync(new RecordEvaluationRequest { Id = term.Id, Year = 2024, Evaluator = evaluator, Grade = grade, Remarks = "全年督办信访件按时办结，材料齐全" }).ResponseAsync;

    [Fact]
    public async Task The_offices_grade_leads_the_separate_list_and_decides_the_recommendation()
    {
        await _steps.RegisterHousingBureauAsync();
        var office = _steps.As(SecondmentSteps.City, "office");
        var housingUnit = new SecondmentClient(host.AsUnit(SecondmentSteps.Huqiu, SecondmentSteps.Housing));
        var wuzhong = _steps.As(SecondmentSteps.Wuzhong);
        var outstanding = await _steps.SecondAsync(await _steps.CadreAsync("优秀甲", SecondmentSteps.Huqiu, SecondmentSteps.Housing), "2024-04-01", "2024-12-31");
        var poor = await _steps.SecondAsync(await _steps.CadreAsync("不称职乙"), "2024-04-01", "2024-12-31");
        var homeOnly = await _steps.SecondAsync(await _steps.CadreAsync("仅原单位丙"), "2024-04-01", "2024-12-31");
        var outweighed = await _steps.SecondAsync(await _steps.CadreAsync("办公室为主丁"), "2024-04-01", "2024-12-31");

        await GradeAsync(office, outstanding, Evaluator.Office, Grade.Outstanding);
        await GradeAsync(housingUnit, outstanding, Evaluator.HomeUnit, Grade.Competent);
        await GradeAsync(office, poor, Evaluator.Office, Grade.Poor);
        await GradeAsync(wuzhong, homeOnly, Evaluator.HomeUnit, Grade.Outstanding);
        await GradeAsync(office, outweighed, Evaluator.Office, Grade.Competent);
        await GradeAsync(wuzhong, outweighed, Evaluator.HomeUnit, Grade.Poor);
        var twice = await SecondmentSteps.RefusedAsync(office.RecordEvaluationAsync(new RecordEvaluationRequest
            { Id = poor.Id, Year = 2024, Evaluator = Evaluator.Office, Grade = Grade.Competent, Remarks = "改评" }));
        var list = await _steps.CityOrganization.ListAnnualAssessmentsAsync(new ListAnnualAssessmentsRequest { JurisdictionCode = SecondmentSteps.City, Year = 2024 });
        AnnualAssessment Of(SecondmentTerm term) => list.Assessments.Single(a => a.SecondmentId == term.Id);
        var history = await _steps.HistoryAsync(outstanding.Id);

        Assert.Equal((Grade.Outstanding, Grade.Competent, Grade.Outstanding, Recommendation.PraiseAndPromote),
            (Of(outstanding).OfficeGrade, Of(outstanding).HomeUnitGrade, Of(outstanding).Overall, Of(outstanding).Recommendation));
        Assert.Equal((Grade.Poor, Recommendation.CriticizeOrReturn), (Of(poor).Overall, Of(poor).Recommendation));
        Assert.Equal((Grade.Unspecified, Grade.Outstanding, Recommendation.PraiseAndPromote), (Of(homeOnly).OfficeGrade, Of(homeOnly).Overall, Of(homeOnly).Recommendation));
        Assert.Equal((Grade.Competent, Recommendation.None), (Of(outweighed).Overall, Of(outweighed).Recommendation));
        Assert.Equal(2, Of(outstanding).Record.Count);
        Assert.All(Of(outstanding).Record, e => Assert.Equal("全年督办信访件按时办结，材料齐全", e.Remarks));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal(SecondmentSteps.Housing, Of(outstanding).HomeUnit);
        Assert.Equal(["secondment.seconded", "evaluation.recorded", "evaluation.recorded"], history.Kinds);
        Assert.True(history.Valid);
    }

    [Fact]
    public async Task Each_grade_is_given_only_by_its_evaluator_for_a_year_the_term_ran_with_its_remarks()
    {
        var term = await _steps.SecondAsync(await _steps.CadreAsync("钱进"), "2024-05-01", "2024-10-31");
        RecordEvaluationRequest Request(Evaluator evaluator, int year = 2024, string remarks = "按期完成督察任务") =>
            new() { Id = term.Id, Year = year, Evaluator = evaluator, Grade = Grade.Competent, Remarks = remarks };

        var homeByCity = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.City, "office").RecordEvaluationAsync(Request(Evaluator.HomeUnit)));
        var officeByHome = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.Wuzhong).RecordEvaluationAsync(Request(Evaluator.Office)));
        var officeByProvince = await SecondmentSteps.RefusedAsync(_steps.As("320000", "office").RecordEvaluationAsync(Request(Evaluator.Office)));
        var otherYear = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.RecordEvaluationAsync(Request(Evaluator.Office, 2025)));
        var noRemarks = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.RecordEvaluationAsync(Request(Evaluator.Office, remarks: " ")));

        Assert.Equal(StatusCode.PermissionDenied, homeByCity.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, officeByHome.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, officeByProvince.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, otherYear.StatusCode);
        Assert.Contains("year:", otherYear.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("remarks:", noRemarks.Status.Detail, StringComparison.Ordinal);
    }
}
