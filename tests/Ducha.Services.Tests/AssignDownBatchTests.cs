using System.Net;
using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>转 for a morning's intake: many cases in one call, each judged and recorded as the single AssignDown would.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class AssignDownBatchTests(StandaloneFixture host)
{
    // 盐城市 and 扬州市 with a county each: used by no other test of this host.
    private const string Province = "320000", Yancheng = "320900", Tinghu = "320902", Yangzhou = "321000", Guangling = "321002";

    private Ducha.Contracts.Cases.V1.Cases.CasesClient As(string jurisdiction) => new(host.As(jurisdiction));

    private async Task<List<string>> ReceiveAsync(int count, string place = Tinghu)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await As(Province).CreateCaseAsync(CasesApiTests.ValidCase(place))).Id);
        return ids;
    }

    private static AssignDownBatchRequest Batch(params (string CaseId, string To, int Days)[] items)
    {
        var request = new AssignDownBatchRequest();
        request.Assignments.AddRange(items.Select(i => new AssignDownRequest { CaseId = i.CaseId, ToJurisdictionCode = i.To, WorkingDays = i.Days }));
        return request;
    }

    private async Task<List<string>> TopicsOfAsync(string caseId) =>
        await host.QueryAsync<CasesDbContext, string>(db => db.Set<OutboxMessage>().Where(m => m.Payload.Contains(caseId)).OrderBy(m => m.Sequence).Select(m => m.Topic));

    [Fact]
    public async Task A_batch_moves_cases_province_to_city_to_county_exactly_as_single_calls_do()
    {
        var ids = await ReceiveAsync(4);
        var control = (await ReceiveAsync(1))[0];

        var toCity = await As(Province).AssignDownBatchAsync(Batch(ids.Select(id => (id, Yancheng, 10)).ToArray()));
        var controlAtCity = await As(Province).AssignDownAsync(new AssignDownRequest { CaseId = control, ToJurisdictionCode = Yancheng, WorkingDays = 10 });
        var toCounty = await As(Yancheng).AssignDownBatchAsync(Batch(ids.Select(id => (id, Tinghu, 9)).ToArray()));
        var controlAtCounty = await As(Yancheng).AssignDownAsync(new AssignDownRequest { CaseId = control, ToJurisdictionCode = Tinghu, WorkingDays = 9 });

        Assert.Equal(ids, toCity.Results.Select(r => r.CaseId));
        Assert.All(toCity.Results, r => Assert.Equal((Yancheng, controlAtCity.Deadline, CaseStatus.Assigned), (r.Case.HolderJurisdictionCode, r.Case.Deadline, r.Case.Status)));
        Assert.Equal(ids, toCounty.Results.Select(r => r.Case.Id));
        Assert.All(toCounty.Results, r => Assert.Equal((Tinghu, controlAtCounty.Deadline), (r.Case.HolderJurisdictionCode, r.Case.Deadline)));
        var controlTopics = await TopicsOfAsync(control);
        Assert.Contains("cases.case-assigned", controlTopics);
        foreach (var id in ids)
        {
            var history = await As(Tinghu).GetHistoryAsync(new GetHistoryRequest { Id = id });
            Assert.Equal(["Receive", "AssignDown", "AssignDown"], history.Transitions.Select(t => t.Action));
            Assert.Equal((Province, Yancheng), (history.Transitions[1].ActorJurisdictionCode, history.Transitions[2].ActorJurisdictionCode));
            Assert.True((await As(Tinghu).VerifyHistoryAsync(new VerifyHistoryRequest { Id = id })).Intact);
            // Each case announces its own hops, the same events in the same order as a case assigned one call at a time.
            Assert.Equal(controlTopics, await TopicsOfAsync(id));
        }
    }

    [Fact]
    public async Task A_refused_assignment_names_its_reason_and_the_others_go_through()
    {
        var ids = await ReceiveAsync(3);
        await As(Province).AssignDownBatchAsync(Batch(ids.Select(id => (id, Yancheng, 10)).ToArray()));

        var answer = await As(Yancheng).AssignDownBatchAsync(Batch((ids[0], Tinghu, 9), (ids[1], Tinghu, 8), ("no-such-case", Tinghu, 9), (ids[2], Tinghu, 9)));

        Assert.Equal([true, false, false, true], answer.Results.Select(r => r.OutcomeCase == AssignDownResult.OutcomeOneofCase.Case));
        var squeezed = answer.Results[1].Refusal;
        Assert.Equal(((int)StatusCode.FailedPrecondition, "FAILED_PRECONDITION"), (squeezed.Code, squeezed.Status));
        Assert.Contains("at least 9", squeezed.Message);
        Assert.Equal(["assignments[1].working_days"], squeezed.Fields);
        Assert.Equal(((int)StatusCode.NotFound, "no-such-case"), (answer.Results[2].Refusal.Code, answer.Results[2].CaseId));
        var unchanged = await As(Yancheng).GetCaseAsync(new GetCaseRequest { Id = ids[1] });
        Assert.Equal(Yancheng, unchanged.HolderJurisdictionCode);
        Assert.Equal(2, (await As(Yancheng).GetHistoryAsync(new GetHistoryRequest { Id = ids[1] })).Transitions.Count);
        Assert.Equal(Tinghu, (await As(Tinghu).GetCaseAsync(new GetCaseRequest { Id = ids[2] })).HolderJurisdictionCode);
    }

    [Fact]
    public async Task A_caller_is_refused_each_case_beyond_its_reach_and_keeps_the_rest()
    {
        var held = (await ReceiveAsync(1))[0];
        await As(Province).AssignDownAsync(new AssignDownRequest { CaseId = held, ToJurisdictionCode = Yancheng, WorkingDays = 10 });
        var notYetDown = (await ReceiveAsync(1))[0];
        var elsewhere = (await ReceiveAsync(1, Guangling))[0];
        await As(Province).AssignDownAsync(new AssignDownRequest { CaseId = elsewhere, ToJurisdictionCode = Yangzhou, WorkingDays = 10 });

        var answer = await As(Yancheng).AssignDownBatchAsync(Batch((notYetDown, Tinghu, 9), (held, Tinghu, 9), (elsewhere, Guangling, 9)));

        Assert.Equal((int)StatusCode.PermissionDenied, answer.Results[0].Refusal.Code);
        Assert.Contains("has not reached the caller", answer.Results[0].Refusal.Message);
        Assert.Equal(Tinghu, answer.Results[1].Case.HolderJurisdictionCode);
        Assert.Equal((int)StatusCode.PermissionDenied, answer.Results[2].Refusal.Code);
        Assert.Contains("outside the caller's jurisdiction", answer.Results[2].Refusal.Message);
        Assert.Equal(Yangzhou, (await As(Yangzhou).GetCaseAsync(new GetCaseRequest { Id = elsewhere })).HolderJurisdictionCode);
        // A handling unit is no office: the whole call is refused, as the single AssignDown would be.
        var handler = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.AsUnit(Tinghu, "亭湖区生态环境局"));
        var error = await Assert.ThrowsAsync<RpcException>(() => handler.AssignDownBatchAsync(Batch((held, Tinghu, 9))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task REST_assigns_a_batch_and_names_each_malformed_field()
    {
        var ids = await ReceiveAsync(2);
        var rest = host.RestAs(Province);

        var assigned = await rest.PostAsync("/v1/cases:assignDownBatch", new
        {
            assignments = ids.Select(id => new { caseId = id, toJurisdictionCode = Yancheng, workingDays = 10 }),
        });
        var malformed = await rest.PostAsync("/v1/cases:assignDownBatch", new
        {
            assignments = new object[] { new { caseId = ids[0], toJurisdictionCode = "3209", workingDays = 10 }, new { caseId = ids[1], toJurisdictionCode = Tinghu, workingDays = 0 } },
        });
        var twice = await rest.PostAsync("/v1/cases:assignDownBatch", new
        {
            assignments = new[] { new { caseId = ids[0], toJurisdictionCode = Tinghu, workingDays = 9 }, new { caseId = ids[0], toJurisdictionCode = Tinghu, workingDays = 9 } },
        });
        var empty = await rest.PostAsync("/v1/cases:assignDownBatch", new { assignments = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, assigned.Status);
        Assert.Equal([Yancheng, Yancheng], assigned.Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("case").GetProperty("holderJurisdictionCode").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(["assignments[0].to_jurisdiction_code", "assignments[1].working_days"], malformed.ViolatedFields());
        Assert.Equal(["assignments[1].case_id"], twice.ViolatedFields());
        Assert.Equal(["assignments"], empty.ViolatedFields());
        // Nothing of a refused call was stored: both cases still wait at the city.
        foreach (var id in ids) Assert.Equal(2, (await As(Yancheng).GetHistoryAsync(new GetHistoryRequest { Id = id })).Transitions.Count);
    }

    [Fact]
    public async Task Cases_assigned_by_single_calls_during_a_batch_are_assigned_once_and_the_rest_of_the_batch_goes_through()
    {
        var ids = await ReceiveAsync(60);
        var raced = ids.Where((_, i) => i % 3 == 0).ToList();

        var batch = As(Province).AssignDownBatchAsync(Batch(ids.Select(id => (id, Yancheng, 10)).ToArray())).ResponseAsync;
        var singles = raced.Select(async (id, k) =>
        {
            // Spread over the batch's own work, so some land between its reads and its commit.
            await Task.Delay(k * 3);
            try
            {
                await As(Province).AssignDownAsync(new AssignDownRequest { CaseId = id, ToJurisdictionCode = Yancheng, WorkingDays = 10 });
                return (id, Assigned: true);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Aborted or StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
            {
                return (id, Assigned: false);
            }
        }).ToList();
        var answer = await batch;
        var bySingle = (await Task.WhenAll(singles)).Where(s => s.Assigned).Select(s => s.id).ToHashSet();

        foreach (var (id, result) in ids.Zip(answer.Results))
        {
            // Whoever won, the case moved once and exactly one caller was told so; a collision never costs another case.
            var assignedByBatch = result.OutcomeCase == AssignDownResult.OutcomeOneofCase.Case;
            Assert.True(assignedByBatch != bySingle.Contains(id), $"case {id}: batch {result.OutcomeCase} {result.Refusal?.Status}, single {bySingle.Contains(id)}");
            Assert.True(assignedByBatch || raced.Contains(id), $"case {id} was raced by no one yet refused: {result.Refusal?.Message}");
            var history = await As(Yancheng).GetHistoryAsync(new GetHistoryRequest { Id = id });
            Assert.Equal(["Receive", "AssignDown"], history.Transitions.Select(t => t.Action));
        }
    }

    [Fact]
    public async Task More_than_a_thousand_assignments_are_refused_naming_the_list()
    {
        var request = Batch(Enumerable.Range(0, 1001).Select(i => ($"case-{i}", Yancheng, 10)).ToArray());

        var error = await Assert.ThrowsAsync<RpcException>(() => As(Province).AssignDownBatchAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("assignments", error.Trailers.GetValue("ducha-invalid-fields"));
        Assert.Contains("1001", error.Status.Detail);
    }
}
