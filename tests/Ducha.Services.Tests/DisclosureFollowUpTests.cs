using System.Text;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Contracts.Exposure.V1;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.EventBus.InMemory;
using Ducha.Exposure.Application;
using Ducha.Exposure.Data;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Domain = Ducha.Disclosure.Domain;

namespace Ducha.Services.Tests;

/// <summary>
/// 回访 as the public side sees it: the follow-up an office records in exposure reaches disclosure's aired problem —
/// visit, rectification, broadcast and how the follow-up stands — read over gRPC as an outside client would; an
/// overdue follow-up completed afterwards reads late; an event delivered again changes nothing.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class DisclosureFollowUpTests(StandaloneFixture host)
{
    private const string Topic = "exposure.follow-up-recorded";
    private const string Findings = "回访发现企业已拆除暗管，投诉人王某反映夜间仍有异味";
    // Wednesday 18 September 2024, the day after the Mid-Autumn holiday: the follow-up is due Wednesday the 25th, two
    // days before the host's today, so it can be announced overdue and then recorded late.
    private static readonly DateTimeOffset WednesdayEvening = new(2024, 9, 18, 19, 35, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset FridayMorning = new(2024, 9, 27, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly DisclosureSteps _steps = new(host, "320411", "新北区");
    private Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Changzhou => ExposureTestData.Client(host.As(DisclosureSteps.City));

    [Fact]
    public async Task A_follow_up_announced_overdue_and_then_recorded_reads_late_on_the_disclosed_case_without_the_findings()
    {
        var exposed = await AiredAsync("2024-09-18", WednesdayEvening);
        await host.Services.GetRequiredService<FollowUpWatch>().SweepAsync(StandaloneFixture.Now, CancellationToken.None);
        var overdue = await ExposureWhenAsync(exposed.CaseId, e => e.FollowUpOverdue);

        await Changzhou.RecordFollowUpAsync(Visit(exposed.Id, "2024-09-26"));
        var visited = await ExposureWhenAsync(exposed.CaseId, e => e.ReturnVisitDate.Length > 0);
        await Changzhou.RecordFollowUpAsync(await BroadcastAsync(exposed.Id, "2024-09-27"));
        var done = await _steps.DisclosedWhenAsync(exposed.CaseId, c => c.Exposure?.BroadcastDate.Length > 0, DisclosureSteps.City);

        Assert.Equal(("2024-09-25", FollowUpState.Overdue, ""), (overdue.FollowUpDeadline, overdue.FollowUpState, overdue.ReturnVisitDate));
        Assert.Equal(("2024-09-26", RectificationState.Rectifying, FollowUpState.Overdue),
            (visited.ReturnVisitDate, visited.ReturnVisitRectification, visited.FollowUpState));
        Assert.NotNull(done);
        Assert.Equal(("2024-09-26", "2024-09-27", FollowUpState.Late, true),
            (done.Exposure.ReturnVisitDate, done.Exposure.BroadcastDate, done.Exposure.FollowUpState, done.Exposure.FollowUpOverdue));
        // The visit's findings are the office's own text (here naming a complainant): neither the event nor disclosure carries them.
        Assert.DoesNotContain("王某", JsonFormatter.Default.Format(done));
        Assert.All(await PublishedAsync(exposed.Id), e => Assert.DoesNotContain("王某", e.ToJson()));
    }

    [Fact]
    public async Task An_event_delivered_again_or_sent_again_under_a_new_id_changes_nothing()
    {
        var exposed = await AiredAsync("2024-09-27", FridayMorning);
        await Changzhou.RecordFollowUpAsync(Visit(exposed.Id, "2024-09-27"));
        await Changzhou.RecordFollowUpAsync(await BroadcastAsync(exposed.Id, "2024-09-27"));
        var before = await _steps.DisclosedWhenAsync(exposed.CaseId, c => c.Exposure?.FollowUpState == FollowUpState.OnTime && !c.FactsPending,
            DisclosureSteps.City);
        var published = await PublishedAsync(exposed.Id);
        // The visit's event still says the follow-up was pending: applied again, it must not take the row back.
        var visit = Assert.Single(published, e => e.Data.GetProperty("part").GetString() == "ReturnVisit");

        var transport = host.Services.GetRequiredService<InMemoryEventTransport>();
        foreach (var again in published) await transport.PublishAsync(Topic, again, CancellationToken.None);
        await transport.PublishAsync(Topic, visit with { Id = Guid.NewGuid().ToString() }, CancellationToken.None);
        var after = (await _steps.ListAsync(DisclosureSteps.City)).Single(c => c.CaseId == exposed.CaseId);

        Assert.Equal(2, published.Count);
        Assert.Equal("Pending", visit.Data.GetProperty("followUpState").GetString());
        Assert.NotNull(before);
        Assert.Equal(before, after);
        Assert.Equal(("2024-09-27", "2024-09-27", false), (after.Exposure.ReturnVisitDate, after.Exposure.BroadcastDate, after.Exposure.FollowUpOverdue));
        Assert.DoesNotContain(transport.DeadLetters, d => d.Envelope.Type == "ducha.exposure.follow-up-recorded.v1");
    }

    public static TheoryData<int[]> Orders() => [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1], [3, 1, 2, 0]];

    /// <summary>Over a broker, topics are not ordered with each other: the airing, the overdue watch and the two parts may come in any order.</summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void The_row_is_the_same_whatever_order_the_events_come_in(int[] order)
    {
        var due = new DateOnly(2024, 9, 25);
        Action<Domain.DisclosedExposure>[] events =
        [
            e => e.Expose("320000", "320411", "某化工有限公司", "Water", WednesdayEvening, "320400", due),
            e => e.FollowUpMissed(null, "320400", due),
            e => e.FollowUpRecorded(Domain.FollowUpPart.ReturnVisit, new DateOnly(2024, 9, 26), "Rectifying", true, true, "C1", "320400", due),
            e => e.FollowUpRecorded(Domain.FollowUpPart.Broadcast, new DateOnly(2024, 9, 27), null, true, false, "C1", "320400", due),
        ];
        var row = new Domain.DisclosedExposure { ExposureId = "E1" };

        foreach (var i in order) events[i](row);
        events[order[0]](row);

        Assert.Equal((Domain.FollowUpState.Late, true, "C1"), (row.FollowUpState, row.FollowUpOverdue, row.CaseId));
        Assert.Equal((new DateOnly(2024, 9, 26), "Rectifying", new DateOnly(2024, 9, 27)), (row.ReturnVisitDate, row.ReturnVisitRectification, row.BroadcastDate));
        Assert.Equal((WednesdayEvening, "Water"), (row.AiredAt, row.PollutionType));
    }

    /// <summary>A problem of the county aired on the province column: its follow-up is Changzhou's, its case the city's.</summary>
    private async Task<ExposureProblem> AiredAsync(string airDate, DateTimeOffset airedAt)
    {
        var column = await ExposureTestData.ColumnAsync(host, DisclosureSteps.Province);
        var proposal = ExposureTestData.Problem(column, _steps.County);
        proposal.Polluter = UniqueName.Of("常州某电镀有限公司", 20);
        var problem = await ExposureTestData.Client(host.Invoker).ProposeExposureAsync(proposal);
        await ExposureTestData.AirAsync(host.Invoker, column, airDate, airedAt, problem);
        return await ExposureTestData.WithCaseAsync(host, host.Invoker, problem.Id);
    }

    private static RecordFollowUpRequest Visit(string id, string date) => new()
    {
        Id = id, ReturnVisit = new ReturnVisit { Date = date, Findings = Findings, RectificationState = RectificationState.Rectifying },
    };

    private async Task<RecordFollowUpRequest> BroadcastAsync(string id, string date) => new()
    {
        Id = id, Broadcast = new FollowUpBroadcast { ColumnId = (await ExposureTestData.ColumnAsync(host, DisclosureSteps.City)).Id, AirDate = date },
    };

    private async Task<AiredProblem> ExposureWhenAsync(string caseId, Func<AiredProblem, bool> settled)
    {
        var disclosed = await _steps.DisclosedWhenAsync(caseId, c => c.Exposure is { } e && settled(e), DisclosureSteps.City);
        Assert.NotNull(disclosed?.Exposure);
        return disclosed.Exposure;
    }

    /// <summary>The follow-up events exposure put in its outbox for the problem, as they go on the wire.</summary>
    private async Task<List<CloudEventEnvelope>> PublishedAsync(string exposureId)
    {
        var payloads = await host.QueryAsync<ExposureDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == Topic && m.Payload.Contains(exposureId)).OrderBy(m => m.Sequence).Select(m => m.Payload));
        return [.. payloads.Select(p => CloudEventEnvelope.Parse(Encoding.UTF8.GetBytes(p)))];
    }
}
