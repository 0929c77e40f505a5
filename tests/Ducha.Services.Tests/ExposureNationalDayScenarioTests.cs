using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>A host whose clock stands on Monday 14 October 2024, two weeks after the province's National Day eve airing.</summary>
public sealed class AfterNationalDayFixture : StandaloneFixture
{
    public static readonly DateTimeOffset Monday14October = new(2024, 10, 14, 10, 0, 0, TimeSpan.FromHours(8));
    protected override DateTimeOffset Start => Monday14October;
}

/// <summary>
/// The province column airs three problems on Monday 30 September 2024, the day before the National Day holiday; one
/// city follows up on time, one late, one never.
/// </summary>
public sealed class ExposureNationalDayScenarioTests(AfterNationalDayFixture host) : IClassFixture<AfterNationalDayFixture>
{
    private static readonly DateTimeOffset MondayEvening = new(2024, 9, 30, 19, 35, 0, TimeSpan.FromHours(8));
    private static readonly (string Place, string City)[] Places = [("320505", "320500"), ("320102", "320100"), ("320205", "320200")];

    [Fact]
    public async Task Three_cases_due_on_the_make_up_Saturday_one_overdue_event_one_late_mark_and_one_of_three_on_time()
    {
        var column = await ExposureTestData.ColumnAsync(host, "320000");
        var province = ExposureTestData.Client(host.Invoker);
        var problems = new List<ExposureProblem>();
        foreach (var (place, _) in Places)
            problems.Add(await province.ProposeExposureAsync(ExposureTestData.Problem(column, place)));

        await ExposureTestData.AirAsync(host.Invoker, column, "2024-09-30", MondayEvening, [.. problems]);

        // Three cases, each with its city, due Saturday 12 October: 1–7 October are holidays, the 12th a make-up working day.
        var cases = new CasesClient(host.Invoker);
        for (var i = 0; i < Places.Length; i++)
        {
            var exposed = await ExposureTestData.WithCaseAsync(host, host.Invoker, problems[i].Id);
            var file = await cases.GetCaseFileAsync(new GetCaseFileRequest { Id = exposed.CaseId });
            Assert.Equal((Channel.MediaExposure, Places[i].City, "2024-10-12"), (file.Case.Channel, file.Case.HolderJurisdictionCode, file.Case.Deadline));
            Assert.Equal("2024-10-12", exposed.FollowUpDeadline);
            Assert.Equal("320000", Assert.Single(file.ClueReferrals).SupervisoryOrganJurisdictionCode);
        }

        // Suzhou follows up on time, Nanjing late, Wuxi never.
        await FollowUpAsync(Places[0].City, problems[0].Id, visit: "2024-10-10", broadcast: "2024-10-11");
        await FollowUpAsync(Places[1].City, problems[1].Id, visit: "2024-10-11", broadcast: "2024-10-14");
        var watch = host.Services.GetRequiredService<FollowUpWatch>();
        await watch.SweepAsync(AfterNationalDayFixture.Monday14October, CancellationToken.None);
        await watch.SweepAsync(AfterNationalDayFixture.Monday14October.AddHours(1), CancellationToken.None);

        var overdue = await host.QueryAsync<ExposureDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == "exposure.follow-up-overdue").Select(m => m.Payload));
        Assert.Contains(problems[2].Id, Assert.Single(overdue));
        var states = new List<FollowUpState>();
        foreach (var problem in problems)
            states.Add((await province.GetExposureAsync(new GetExposureRequest { Id = problem.Id })).FollowUpState);
        Assert.Equal([FollowUpState.OnTime, FollowUpState.Late, FollowUpState.Overdue], states);
        var late = await province.GetExposureAsync(new GetExposureRequest { Id = problems[1].Id });
        Assert.Equal((false, true), (late.ReturnVisit.Late, late.FollowUpBroadcast.Late));

        var statistics = await province.GetExposureStatisticsAsync(new GetExposureStatisticsRequest { From = "2024-09-30", To = "2024-09-30" });
        Assert.Equal(3, statistics.Exposed);
        Assert.Equal((1, 3), (statistics.FollowUps.Sum(t => t.OnTime), statistics.FollowUps.Sum(t => t.Due)));
        Assert.Equal([1.0, 0.0, 0.0], statistics.FollowUps.OrderBy(t => t.JurisdictionCode == "320500" ? 0 : 1).Select(t => t.OnTimeRate));
        Assert.Equal(["320100", "320200", "320500"], statistics.ByPlace.Select(p => p.JurisdictionCode));
    }

    private async Task FollowUpAsync(string city, string exposureId, string visit, string broadcast)
    {
        var cityColumn = await ExposureTestData.ColumnAsync(host, city);
        await ExposureTestData.Client(host.As(city)).RecordFollowUpAsync(new RecordFollowUpRequest
        {
            Id = exposureId,
            ReturnVisit = new ReturnVisit { Date = visit, Findings = "已停产整治，雨污管网完成改造", RectificationState = RectificationState.Rectified },
            Broadcast = new FollowUpBroadcast { ColumnId = cityColumn.Id, AirDate = broadcast },
        });
    }
}
