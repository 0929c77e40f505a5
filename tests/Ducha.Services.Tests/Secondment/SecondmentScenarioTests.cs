using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Application.Secondments;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// Suzhou seconds six cadres to its inspection for a year — one from 虎丘区住建局 — and the rules hold: no second term for
/// a cadre already seconded, no term past the limit, the office's grade leading the 单列 list, and every step by the
/// level seconded to.
/// </summary>
public sealed class SecondmentScenarioTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    [Fact]
    public async Task A_city_seconds_six_cadres_to_its_inspection_and_each_is_on_its_roster_with_the_running_term()
    {
        await _steps.RegisterHousingBureauAsync();
        var housing = await _steps.CadreAsync("王建国", SecondmentSteps.Huqiu, SecondmentSteps.Housing);
        var others = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => _steps.CadreAsync($"干部{i}")));
        Cadre[] six = [housing, .. others];

        var terms = new List<SecondmentTerm>();
        foreach (var cadre in six) terms.Add(await _steps.SecondAsync(cadre, "2024-03-01", "2025-02-28"));
        var roster = await _steps.CityOrganization.ListCadresAsync(new ListCadresRequest { JurisdictionCode = SecondmentSteps.City, PageSize = 200 });
        var read = await _steps.As(SecondmentSteps.Huqiu, "office").GetCadreAsync(new GetCadreRequest { Id = housing.Id });
        var seconded = await Task.WhenAll(terms.Select(t => _steps.EventsAsync("secondment.cadre-seconded", t.Id)));

        Assert.All(terms, t => Assert.Equal(SecondmentState.Active, t.State));
        Assert.All(terms, t => Assert.Equal("2025-01-29", t.RotationDueDate));
        Assert.Equal(SecondmentSteps.Housing, terms[0].HomeUnit);
        Assert.Equal(SecondmentSteps.Huqiu, terms[0].HomeJurisdictionCode);
        Assert.All(six, c => Assert.Equal(terms.Single(t => t.CadreId == c.Id).Id, roster.Cadres.Single(r => r.Id == c.Id).Current.Id));
        Assert.Equal(terms[0].Id, read.Current.Id);
        Assert.Equal(housing.Subject, read.Subject);
        // Cases learns the person and the old unit it must refuse them as a handler of.
        Assert.All(seconded, events => Assert.Single(events));
        var ofHousing = seconded[0][0];
        Assert.Equal(housing.Subject, ofHousing.GetProperty("subject").GetString());
        Assert.Equal(SecondmentSteps.Housing, ofHousing.GetProperty("homeUnit").GetString());
        Assert.Equal("2025-02-28", ofHousing.GetProperty("endDate").GetString());
    }

    [Fact]
    public async Task A_second_term_sharing_a_day_with_the_first_is_refused_naming_the_first_and_a_term_after_it_is_not()
    {
        var cadre = await _steps.CadreAsync("李明");
        var first = await _steps.SecondAsync(cadre, "2024-07-01", "2024-12-31");

        var overlapping = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.SecondAsync(SecondmentSteps.Term(cadre, "2024-12-31", "2025-06-30", "综合巡查组")));
        var after = await _steps.SecondAsync(cadre, "2025-01-01", "2025-06-30");

        Assert.Equal(StatusCode.FailedPrecondition, overlapping.StatusCode);
        Assert.Contains(first.Id, overlapping.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(SecondmentState.Planned, after.State);
    }

    [Fact]
    public async Task A_term_longer_than_the_limit_is_refused_naming_end_date_and_one_of_exactly_the_limit_is_not()
    {
        var cadre = await _steps.CadreAsync("赵丽");
        var limit = host.Services.GetRequiredService<SecondmentSettings>().TermLimitDays;

        var tooLong = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.SecondAsync(SecondmentSteps.Term(cadre, "2026-03-01", "2027-03-01")));
        var full = await _steps.SecondAsync(cadre, "2026-03-01", "2027-02-28");

        Assert.Equal(365, limit);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.StartsWith("Invalid request: end_date:", tooLong.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("2027-02-28", full.EndDate);
    }

    [Fact]
    public async Task Ending_early_publishes_the_end_once_with_its_reason_and_frees_the_cadre_from_the_next_day()
    {
        var cadre = await _steps.CadreAsync("孙强");
        var term = await _steps.SecondAsync(cadre, "2024-03-01", "2025-02-28");

        var ended = await _steps.CityOrganization.EndSecondmentAsync(new EndSecondmentRequest { Id = term.Id, Reason = "因工作需要提前结束抽调" });
        var again = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.EndSecondmentAsync(new EndSecondmentRequest { Id = term.Id, Reason = "再次结束" }));
        var next = await _steps.SecondAsync(cadre, "2024-03-02", "2024-06-30");
        var events = await _steps.EventsAsync("secondment.secondment-ended", term.Id);
        var read = await _steps.CityOrganization.GetCadreAsync(new GetCadreRequest { Id = cadre.Id });
        var history = await _steps.HistoryAsync(term.Id);

        Assert.Equal(["secondment.seconded", "secondment.ended"], history.Kinds);
        Assert.True(history.Valid);
        Assert.Equal(SecondmentState.Ended, ended.State);
        Assert.Equal("2024-03-01", ended.EndedDate);
        Assert.Equal("因工作需要提前结束抽调", ended.EndedReason);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        var end = Assert.Single(events);
        Assert.Equal("因工作需要提前结束抽调", end.GetProperty("reason").GetString());
        Assert.Equal("2024-03-01", end.GetProperty("endedDate").GetString());
        Assert.Equal(cadre.Subject, end.GetProperty("subject").GetString());
        Assert.Equal(SecondmentState.Planned, next.State);
        Assert.Null(read.Current);
    }
}
