using Ducha.Cases.Data;
using SecondedCadre = Ducha.Cases.Domain.SecondedCadre;
using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.Inbox;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using UnitsClient = Ducha.Contracts.Cases.V1.Units.UnitsClient;

namespace Ducha.Services.Tests.Secondment;

/// <summary>
/// A seconded cadre does no work for the original unit: Cases refuses the cadre's handler token for the home unit while
/// the secondment runs, from its own copy of the secondment service's events. Its own host: the unit register of 虎丘区
/// gains 虎丘区住建局 here.
/// </summary>
public sealed class SecondedHandlerTests(SecondedHandlerFixture host) : IClassFixture<SecondedHandlerFixture>
{
    private const string Huqiu = "320505", Suzhou = "320500", Unit = "虎丘区住建局", Post = "信访督办组组员";
    // The host's clock stands on 27 September 2024 (Beijing).
    private static readonly DateOnly Start = new(2024, 9, 1), End = new(2025, 2, 28);

    private CasesClient As(string code) => new(host.As(code));

    /// <summary>A handler of <see cref="Unit"/> signing in as <paramref name="subject"/>.</summary>
    private CasesClient Handler(string subject, string unit = Unit) => new(host.Channel.Intercept(metadata =>
    {
        metadata.Add("Authorization", "Bearer " + host.Tokens.Issue(Huqiu, "handler", subject, unit: unit));
        return metadata;
    }));

    private async Task<Case> AtUnitAsync()
    {
        var units = new UnitsClient(host.As(Huqiu));
        var registered = await units.ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = Huqiu });
        if (registered.Units.All(u => u.Name != Unit))
            await units.RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = Huqiu, Name = Unit });
        var received = await As("320000").CreateCaseAsync(CasesApiTests.ValidCase(Huqiu));
        await As("320000").AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Suzhou, WorkingDays = 10 });
        await As(Suzhou).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, ToJurisdictionCode = Huqiu, WorkingDays = 9 });
        return await As(Huqiu).AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = Unit, WorkingDays = 8 });
    }

    private static CadreSeconded Seconded(string id, string subject, DateOnly start, DateOnly end) =>
        new(id, "cadre-" + id, subject, Huqiu, Unit, Suzhou, Post, start, end, StandaloneFixture.Now);

    private static SecondmentEnded Ended(string id, string subject, DateOnly endedDate) =>
        new(id, "cadre-" + id, subject, Suzhou, Unit, endedDate, "提前结束抽调", StandaloneFixture.Now);

    /// <summary>Delivers <paramref name="event"/> to Cases' subscription as the bus would, under <paramref name="eventId"/> (a new id if none).</summary>
    private async Task<DispatchOutcome> DeliverAsync<TEvent>(TEvent @event, string? eventId = null) where TEvent : IIntegrationEvent
    {
        var (topic, envelope) = new CloudEventFactory(TimeProvider.System).Create("secondment", @event);
        if (eventId is not null) envelope = envelope with { Id = eventId };
        var subscription = host.Services.GetServices<EventSubscription>().Single(s => s.AppId == "cases" && s.Topic == topic);
        return await host.Services.GetRequiredService<EventDispatcher>().DispatchAsync("test", subscription, envelope, null, CancellationToken.None);
    }

    private async Task<bool> IsRefusedAsync(string subject)
    {
        try
        {
            await Handler(subject).ListHeldCasesAsync(new ListHeldCasesRequest());
            return false;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            return true;
        }
    }

    [Fact]
    public async Task A_seconded_cadre_is_refused_as_a_handler_of_the_home_unit_and_a_colleague_is_not()
    {
        var @case = await AtUnitAsync();
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(Seconded("s-refused", "cadre-wang", Start, End)));

        var report = await Assert.ThrowsAsync<RpcException>(() => Handler("cadre-wang").ReportHandlingAsync(CaseSteps.RectifiedNow(@case.Id)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, report.StatusCode);
        Assert.Equal("ReportHandling: cadre-wang is seconded to 苏州市 (320500) as 信访督办组组员 until 2025-02-28; "
            + "a seconded cadre does no work for the original unit (虎丘区住建局).", report.Status.Detail);
        var held = await Assert.ThrowsAsync<RpcException>(() => Handler("cadre-wang").ListHeldCasesAsync(new ListHeldCasesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, held.StatusCode);
        Assert.StartsWith("ListHeldCases: cadre-wang is seconded to 苏州市", held.Status.Detail);
        var read = await Assert.ThrowsAsync<RpcException>(() => Handler("cadre-wang").GetCaseAsync(new GetCaseRequest { Id = @case.Id }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        Assert.Equal(@case.Status, (await As(Huqiu).GetCaseAsync(new GetCaseRequest { Id = @case.Id })).Status);

        // The same person for another unit, and a colleague for the same unit, work as before.
        await Handler("cadre-wang", "虎丘区生态环境局").ListHeldCasesAsync(new ListHeldCasesRequest());
        var colleagues = await Handler("cadre-li").ListHeldCasesAsync(new ListHeldCasesRequest());
        Assert.Contains(colleagues.Cases, c => c.Id == @case.Id);
        var reported = await Handler("cadre-li").ReportHandlingAsync(CaseSteps.RectifiedNow(@case.Id));
        Assert.Equal(CaseStatus.Reported, reported.Status);
    }

    [Fact]
    public async Task A_refusal_is_logged_once_at_information_naming_the_subject_and_no_more_of_the_person()
    {
        await AtUnitAsync();
        await DeliverAsync(Seconded("s-logged", "cadre-chen", Start, End));
        var before = host.Log.GetSnapshot().Count;

        Assert.True(await IsRefusedAsync("cadre-chen"));

        await Task.Delay(200);
        var written = host.Log.GetSnapshot().Skip(before).Where(r => r.Message.Contains("cadre-chen", StringComparison.Ordinal)).ToList();
        var refusal = Assert.Single(written);
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Equal("Refused ListHeldCases to cadre-chen as a handler of 虎丘区住建局 at 320505: seconded (secondment s-logged) until 2025-02-28", refusal.Message);
    }

    [Fact]
    public async Task After_the_secondment_ends_the_cadre_is_accepted_again()
    {
        var @case = await AtUnitAsync();
        await DeliverAsync(Seconded("s-ended", "cadre-zhao", Start, End));
        Assert.True(await IsRefusedAsync("cadre-zhao"));

        // Ended early: the 26th was the last day served, so on the 27th the cadre is back at the home unit.
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(Ended("s-ended", "cadre-zhao", new DateOnly(2024, 9, 26))));

        var reported = await Handler("cadre-zhao").ReportHandlingAsync(CaseSteps.RectifiedNow(@case.Id));
        Assert.Equal(CaseStatus.Reported, reported.Status);
    }

    [Fact]
    public async Task A_secondment_is_held_from_its_start_through_its_last_day_only()
    {
        await AtUnitAsync();
        await DeliverAsync(Seconded("s-past", "cadre-sun", new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 26)));
        await DeliverAsync(Seconded("s-future", "cadre-zhou", new DateOnly(2024, 9, 28), End));
        await DeliverAsync(Seconded("s-today", "cadre-wu", new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 27)));
        await DeliverAsync(Ended("s-ended-today", "cadre-zheng", new DateOnly(2024, 9, 27)));
        await DeliverAsync(Seconded("s-ended-today", "cadre-zheng", Start, End));

        Assert.False(await IsRefusedAsync("cadre-sun"));
        Assert.False(await IsRefusedAsync("cadre-zhou"));
        Assert.True(await IsRefusedAsync("cadre-wu"));
        Assert.True(await IsRefusedAsync("cadre-zheng"));
    }

    [Fact]
    public async Task Events_delivered_twice_or_out_of_order_change_nothing()
    {
        await AtUnitAsync();
        var seconded = Seconded("s-twice", "cadre-qian", Start, End);
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(seconded, "event-twice-1"));
        Assert.Equal(DispatchOutcome.Duplicate, await DeliverAsync(seconded, "event-twice-1"));
        // Published again under a new id: the same secondment, the same row.
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(seconded));
        Assert.Single(await host.QueryAsync<CasesDbContext, SecondedCadre>(db => db.SecondedCadres.Where(s => s.Subject == "cadre-qian")));
        Assert.True(await IsRefusedAsync("cadre-qian"));

        var ended = Ended("s-twice", "cadre-qian", new DateOnly(2024, 9, 20));
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(ended, "event-twice-2"));
        Assert.Equal(DispatchOutcome.Duplicate, await DeliverAsync(ended, "event-twice-2"));
        // The start published again after the end does not bring the secondment back.
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(seconded));
        Assert.False(await IsRefusedAsync("cadre-qian"));

        // The end overtaking its start still ends it.
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(Ended("s-overtaken", "cadre-feng", new DateOnly(2024, 9, 20))));
        Assert.Equal(DispatchOutcome.Applied, await DeliverAsync(Seconded("s-overtaken", "cadre-feng", Start, End)));
        Assert.False(await IsRefusedAsync("cadre-feng"));
        var row = Assert.Single(await host.QueryAsync<CasesDbContext, SecondedCadre>(db => db.SecondedCadres.Where(s => s.SecondmentId == "s-overtaken")));
        Assert.Equal((Start, End, new DateOnly(2024, 9, 20), Huqiu), (row.StartDate, row.EndDate, row.EndedDate, row.HomeJurisdictionCode));
    }
}

/// <summary>A host of its own whose log the tests read.</summary>
public sealed class SecondedHandlerFixture : StandaloneFixture
{
    public FakeLogCollector Log { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Logging.AddProvider(new FakeLoggerProvider(Log));
}
