using Ducha.Cases.Data;
using Ducha.Contracts.Cases.V1;
using Ducha.EventBus.EntityFramework.Outbox;
using Grpc.Core;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests;

/// <summary>
/// A morning rush: many offices filing at the same moment. The store's writers take turns (SqliteWriteGate on SQLite),
/// and each answered complaint must be there once, with its own history and its own event, whatever its neighbours did.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class ConcurrentIntakeTests(StandaloneFixture host)
{
    private CasesClient Province => new(host.As("320000"));

    [Fact]
    public async Task Complaints_filed_together_are_each_stored_once_with_an_intact_history_and_one_event()
    {
        var requests = Enumerable.Range(0, 24).Select(_ => CasesApiTests.ValidCase()).ToArray();

        // On threads of their own: in-process calls could otherwise run one after the other.
        var created = await Task.WhenAll(requests.Select(r => Task.Run(() => Province.CreateCaseAsync(r).ResponseAsync)));

        Assert.Equal(requests.Length, created.Select(c => c.Id).Distinct().Count());
        Assert.Equal(requests.Select(r => r.Polluter).Order(), created.Select(c => c.Polluter).Order());
        foreach (var @case in created)
        {
            Assert.Equal(@case.Polluter, (await Province.GetCaseAsync(new GetCaseRequest { Id = @case.Id })).Polluter);
            var history = await Province.GetHistoryAsync(new GetHistoryRequest { Id = @case.Id });
            Assert.Equal("Receive", Assert.Single(history.Transitions).Action);
            Assert.True((await Province.VerifyHistoryAsync(new VerifyHistoryRequest { Id = @case.Id })).Intact);
        }
        var ids = created.Select(c => c.Id).ToList();
        var received = await host.QueryAsync<CasesDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == "cases.case-received").Select(m => m.Payload));
        Assert.All(ids, id => Assert.Single(received, p => p.Contains(id)));
    }

    [Fact]
    public async Task A_refused_complaint_among_simultaneous_ones_refuses_only_itself()
    {
        var valid = Enumerable.Range(0, 10).Select(_ => CasesApiTests.ValidCase()).ToArray();
        // Outside the province of the caller: refused by the rules, while its neighbours are being written.
        var foreign = CasesApiTests.ValidCase("330102");

        var outcomes = await Task.WhenAll(valid.Append(foreign).Select(r => Task.Run(async () =>
        {
            try
            {
                return (Request: r, Case: await Province.CreateCaseAsync(r).ResponseAsync, Status: StatusCode.OK);
            }
            catch (RpcException ex)
            {
                return (Request: r, Case: (Case?)null, Status: ex.StatusCode);
            }
        })));

        Assert.Equal(StatusCode.PermissionDenied, Assert.Single(outcomes, o => o.Request == foreign).Status);
        Assert.All(outcomes.Where(o => o.Request != foreign), o => Assert.Equal(StatusCode.OK, o.Status));
        Assert.Equal(valid.Length, outcomes.Where(o => o.Case is not null).Select(o => o.Case!.Id).Distinct().Count());
    }

    [Fact]
    public async Task One_complaint_sent_again_and_again_at_once_with_its_key_is_filed_once()
    {
        var request = CasesApiTests.ValidCase();
        request.IdempotencyKey = $"hotline-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Province.CreateCaseAsync(request).ResponseAsync)));

        var id = Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single((await Province.GetHistoryAsync(new GetHistoryRequest { Id = id })).Transitions);
        var received = await host.QueryAsync<CasesDbContext, string>(db => db.Set<OutboxMessage>()
            .Where(m => m.Topic == "cases.case-received" && m.Payload.Contains(id)).Select(m => m.Payload));
        Assert.Single(received);
    }
}
