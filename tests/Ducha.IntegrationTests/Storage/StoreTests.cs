using Ducha.Cases.Application;
using Ducha.Reference;
using Ducha.Cases.Data;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.EventBus;
using Ducha.EventBus.EntityFramework;
using Ducha.EventBus.EntityFramework.AppliedEvents;
using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Ducha.Persistence;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CaseEntity = Ducha.Cases.Domain.Case;
using Channel = Ducha.Cases.Domain.Channel;
using PollutionType = Ducha.BuildingBlocks.PollutionType;

namespace Ducha.IntegrationTests.Storage;

/// <summary>
/// The same store tests against both providers: migrations apply at start-up, and what the services write (cases,
/// outbox rows, inbox rows, read models, timestamps) reads back the same and queries the same.
/// </summary>
public abstract partial class StoreTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Monday = new(2024, 9, 30, 1, 0, 0, TimeSpan.Zero);
    private IHost _host = null!;

    protected abstract Task<Dictionary<string, string?>> ConfigureAsync();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(await ConfigureAsync());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Ducha.Cases.Confidentiality.ReporterProtector.ConfigurationKey] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        builder.AddServiceDatabase<CasesDbContext>("cases");
        builder.AddServiceDatabase<DisclosureDbContext>("disclosure");
        var bus = builder.Services.AddEventBusCore(builder.Configuration).AddInMemoryTransport();
        bus.AddSubscription<CaseReceived, Ducha.Disclosure.IntegrationEvents.CaseIntakeHandler, DisclosureDbContext>("disclosure", keepAppliedEvents: true);
        builder.Services.AddScoped<Ducha.Disclosure.Application.DisclosedCaseRows>();
        builder.Services.AddSingleton<Ducha.Disclosure.Application.CaseFactsFetcher>();
        bus.Services.AddScoped(typeof(EventOutbox<>));
        bus.Services.AddSingleton(new OutboxRegistration<CasesDbContext>("cases"));
        bus.Services.AddSingleton<OutboxSignal<CasesDbContext>>();
        // The use cases as the service composes them, judged as of Monday.
        builder.Services.AddReferenceData();
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(Monday));
        builder.Services.AddSingleton<Ducha.Cases.Confidentiality.ReporterProtector>();
        builder.Services.AddCaseUseCases(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync(); // runs the migrations
    }

    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A legacy case received by the office of its own place, unless another office is named.</summary>
    protected static CaseEntity NewCase(string jurisdiction, DateTimeOffset at, string? key = null, string? office = null, bool legacy = true) =>
        CaseEntity.Receive(new Ducha.Cases.Domain.CaseIntake(jurisdiction, "太仓市城厢镇", 31.45, 121.1, "某印染厂", PollutionType.Water, "排污口夜间偷排",
            Channel.MayorMailbox, legacy, legacy ? new DateOnly(2024, 12, 31) : null, key, [new("排污口.jpg", "image/jpeg", 204800, "https://docs.example.gov.cn/a/1")]),
            office ?? jurisdiction, at);

    [Fact]
    public async Task A_case_and_its_event_are_stored_together_and_read_back_unchanged()
    {
        var original = NewCase("320585", Monday.AddMinutes(7.5));

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.Add(original);
            sp.GetRequiredService<EventOutbox<CasesDbContext>>().Add(new CaseReceived(original.Id, original.JurisdictionCode, "MayorMailbox", "Water", true, original.ReceivedAt));
            return await db.SaveChangesAsync();
        });

        var (read, outbox) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            return (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == original.Id),
                    await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Payload.Contains(original.Id)));
        });
        Assert.Equal(original.ReceivedAt, read.ReceivedAt);
        Assert.Equal(original.Description, read.Description);
        Assert.Equal(Channel.MayorMailbox, read.Channel);
        Assert.Equal(31.45, read.Latitude);
        Assert.Equal(new DateOnly(2024, 12, 31), read.OriginalDeadline);
        Assert.Equal("排污口.jpg", Assert.Single(read.Attachments).Name);
        Assert.Null(outbox.SentAt);
        Assert.Equal("cases.case-received", outbox.Topic);
    }

    [Fact]
    public async Task Cases_are_found_by_jurisdiction_and_date_range_in_order()
    {
        var cases = new[] { NewCase("320583", Monday.AddDays(2)), NewCase("320583", Monday), NewCase("320583", Monday.AddDays(9)) };
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(cases);
            return await db.SaveChangesAsync();
        });

        var found = await InScopeAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases
            .Where(c => c.JurisdictionCode == "320583" && c.ReceivedAt >= Monday && c.ReceivedAt < Monday.AddDays(7))
            .OrderBy(c => c.ReceivedAt).Select(c => c.Id).ToListAsync());

        Assert.Equal([cases[1].Id, cases[0].Id], found);
    }

    [Fact]
    public async Task A_link_someone_else_appended_first_is_a_conflict_to_retry_and_a_link_to_no_case_is_not()
    {
        var @case = NewCase("320585", Monday);
        var actor = new Ducha.Cases.Domain.CaseActor("test", "office", "320000", "province");
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.Add(@case);
            db.Transitions.Add(Ducha.Cases.Domain.CaseTransition.Append(null, @case.Id, "Receive", null, @case.Status, actor, null, Monday));
            return await db.SaveChangesAsync();
        });

        async Task<DbUpdateException> SaveLinkAsync(string caseId) => await Assert.ThrowsAsync<DbUpdateException>(() => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Transitions.Add(Ducha.Cases.Domain.CaseTransition.Append(null, caseId, "Receive", null, @case.Status, actor, null, Monday));
            return await db.SaveChangesAsync();
        }));

        Assert.True((await SaveLinkAsync(@case.Id)).IsConflict());
        Assert.False((await SaveLinkAsync("no-such-case")).IsConflict());
    }

    [Fact]
    public async Task The_idempotency_key_is_unique_in_the_store()
    {
        var key = Guid.NewGuid().ToString();
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.Add(NewCase("320582", Monday, key));
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.Add(NewCase("320582", Monday, key));
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_disclosure_read_model_applies_each_event_once_and_keeps_it_in_its_log()
    {
        var dispatcher = _host.Services.GetRequiredService<EventDispatcher>();
        var subscription = _host.Services.GetServices<EventSubscription>().Single();
        var factory = _host.Services.GetRequiredService<CloudEventFactory>();
        var (_, envelope) = factory.Create("cases", new CaseReceived("c-1", "320506", "Letter", "Noise", false, Monday, ReceivedByJurisdictionCode: "320500"));

        var outcomes = new[]
        {
            await dispatcher.DispatchAsync("test", subscription, envelope, null, CancellationToken.None),
            await dispatcher.DispatchAsync("test", subscription, envelope, null, CancellationToken.None),
        };

        Assert.Equal([DispatchOutcome.Applied, DispatchOutcome.Duplicate], outcomes);
        var disclosed = await InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Cases.AsNoTracking().SingleAsync(c => c.JurisdictionCode == "320506"));
        Assert.Equal(("c-1", "320500", "320506", Monday, Monday), (disclosed.CaseId, disclosed.CityCode, disclosed.CountyCode, disclosed.ReceivedAt, disclosed.CityArrivedAt));
        Assert.Null(disclosed.CountyArrivedAt);
        var logged = await InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<AppliedEvent>().AsNoTracking().SingleAsync());
        Assert.Equal((envelope.Id, "disclosure-cases.case-received", envelope.Time), (logged.EventId, logged.Consumer, logged.Time));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed class SqliteStoreTests : StoreTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ducha-store-").FullName;

    protected override Task<Dictionary<string, string?>> ConfigureAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["DUCHA_DATA_DIR"] = _folder });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}

[Collection(ServersCollection.Name)]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreTests
{
    protected override async Task<Dictionary<string, string?>> ConfigureAsync() => new()
    {
        ["ConnectionStrings:casesdb"] = await postgres.Server.CreateDatabaseAsync(),
        ["ConnectionStrings:disclosuredb"] = await postgres.Server.CreateDatabaseAsync(),
    };
}

/// <summary>A clock stopped at one moment, for queries judged "as of" that moment.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
