using Ducha.Cases.Data;
using Ducha.Contracts.IntegrationEvents;
using Ducha.Disclosure.Data;
using Ducha.EventBus;
using Ducha.EventBus.Inbox;
using Ducha.EventBus.Outbox;
using Ducha.Persistence;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CaseEntity = Ducha.Cases.Domain.Case;
using Channel = Ducha.Cases.Domain.Channel;
using PollutionType = Ducha.Cases.Domain.PollutionType;

namespace Ducha.IntegrationTests.Storage;

/// <summary>
/// The same store tests against both providers: migrations apply at start-up, and what the services write (cases,
/// outbox rows, inbox rows, read models, timestamps) reads back the same and queries the same.
/// </summary>
public abstract class StoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2024, 9, 30, 1, 0, 0, TimeSpan.Zero);
    private IHost _host = null!;

    protected abstract Task<Dictionary<string, string?>> ConfigureAsync();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(await ConfigureAsync());
        builder.AddServiceDatabase<CasesDbContext>("cases");
        builder.AddServiceDatabase<DisclosureDbContext>("disclosure");
        var bus = builder.Services.AddEventBusCore(builder.Configuration).AddInMemoryTransport();
        bus.AddSubscription<CaseReceived, Ducha.Disclosure.IntegrationEvents.CaseReceivedHandler, DisclosureDbContext>("disclosure");
        bus.Services.AddScoped(typeof(EventOutbox<>));
        bus.Services.AddSingleton(new OutboxRegistration<CasesDbContext>("cases"));
        bus.Services.AddSingleton<OutboxSignal<CasesDbContext>>();
        _host = builder.Build();
        await _host.StartAsync(); // runs the migrations
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static CaseEntity NewCase(string jurisdiction, DateTimeOffset at, string? key = null) =>
        CaseEntity.Receive(new Ducha.Cases.Domain.CaseIntake(jurisdiction, "太仓市城厢镇", 31.45, 121.1, "某印染厂", PollutionType.Water, "排污口夜间偷排",
            Channel.MayorMailbox, true, new DateOnly(2024, 12, 31), key, [new("排污口.jpg", "image/jpeg", 204800, "https://docs.example.gov.cn/a/1")]), at);

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
    public async Task An_assigned_case_keeps_its_holder_deadline_and_delivery_time()
    {
        var assigned = NewCase("320585", Monday);
        assigned.ReceiveAt("320000");
        assigned.AssignDown(new Ducha.Cases.Domain.CaseParty("320500"), new DateOnly(2024, 10, 16), Monday.AddHours(2), Monday);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.Add(assigned);
            return await db.SaveChangesAsync();
        });

        var read = await InScopeAsync(sp => sp.GetRequiredService<CasesDbContext>().Cases.AsNoTracking()
            .SingleAsync(c => c.HolderJurisdictionCode == "320500" && c.Deadline <= new DateOnly(2024, 10, 16) && c.Id == assigned.Id));

        Assert.Equal(new DateOnly(2024, 10, 16), read.Deadline);
        Assert.Equal(Monday.AddHours(2), read.DeliveredAt);
        Assert.Equal(Ducha.Cases.Domain.CaseStatus.Assigned, read.Status);
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
    public async Task The_case_list_filters_a_subtree_by_code_prefix_channel_and_day()
    {
        var cases = new[] { NewCase("320584", Monday), NewCase("320584", Monday.AddDays(1)), NewCase("320684", Monday) };
        // Due the Friday before: overdue on the Monday the queries run.
        cases[1].AssignDown(new Ducha.Cases.Domain.CaseParty("320584"), new DateOnly(2024, 9, 27), Monday, Monday);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(cases);
            return await db.SaveChangesAsync();
        });

        var (found, total, _) = await InScopeAsync(sp => new Ducha.Cases.Grpc.CaseQueries(sp.GetRequiredService<CasesDbContext>(),
                Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), new FixedTime(Monday))
            .ListAsync(new Ducha.Contracts.Cases.V1.ListCasesRequest
            {
                Channel = Ducha.Contracts.Cases.V1.Channel.MayorMailbox,
                ReceivedFrom = "2024-09-30",
                ReceivedTo = "2024-09-30",
            }, "320500", CancellationToken.None));

        Assert.Equal(1, total);
        Assert.Equal(cases[0].Id, Assert.Single(found).Id);
        var counts = await InScopeAsync(sp => new Ducha.Cases.Grpc.CaseQueries(sp.GetRequiredService<CasesDbContext>(),
            Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), new FixedTime(Monday)).CountAsync("320500", CancellationToken.None));
        Assert.Contains(counts.Counts, c => c.JurisdictionCode == "320584" && c.Total == 2 && c.Received == 1 && c.Assigned == 1 && c.Overdue == 1);
        var (overdue, _, _) = await InScopeAsync(sp => new Ducha.Cases.Grpc.CaseQueries(sp.GetRequiredService<CasesDbContext>(),
                Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), new FixedTime(Monday))
            .ListAsync(new Ducha.Contracts.Cases.V1.ListCasesRequest { OverdueOnly = true }, "320500", CancellationToken.None));
        Assert.Equal(cases[1].Id, Assert.Single(overdue).Id);
        Assert.DoesNotContain(counts.Counts, c => c.JurisdictionCode == "320684");
    }

    [Fact]
    public async Task Paging_through_a_list_shows_every_case_once_even_when_cases_share_a_moment()
    {
        // Two at the same instant, one a few ticks later (below PostgreSQL's microsecond), one before and one after.
        var cases = new[] { NewCase("320681", Monday), NewCase("320681", Monday), NewCase("320681", Monday.AddTicks(5)),
            NewCase("320681", Monday.AddHours(-1)), NewCase("320681", Monday.AddHours(1)) };
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            db.Cases.AddRange(cases);
            return await db.SaveChangesAsync();
        });

        var seen = new List<CaseEntity>();
        var token = "";
        do
        {
            var (page, total, next) = await InScopeAsync(sp => new Ducha.Cases.Grpc.CaseQueries(sp.GetRequiredService<CasesDbContext>(),
                    Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), new FixedTime(Monday))
                .ListAsync(new Ducha.Contracts.Cases.V1.ListCasesRequest { PageSize = 2, PageToken = token }, "320681", CancellationToken.None));
            Assert.Equal(5, total);
            seen.AddRange(page);
            token = next;
        }
        while (token.Length > 0);

        Assert.Equal(cases.Select(c => c.Id).Order(), seen.Select(c => c.Id).Order());
        Assert.Equal(cases[4].Id, seen[0].Id);
        Assert.Equal(cases[3].Id, seen[^1].Id);
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
    public async Task Repeated_complaints_filed_at_once_are_all_kept_and_all_counted_on_the_case_they_repeat()
    {
        var intake = new Ducha.Cases.Domain.CaseIntake("320682", "如皋市城南街道", null, null, "某化工厂", PollutionType.Air, "夜间异味",
            Channel.Hotline12369, false, null, null, []);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Ducha.Cases.Confidentiality.ReporterProtector.ConfigurationKey] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var receiver = new Ducha.Cases.Domain.CaseActor("hotline", "office", "320682", "county");
        Task<CaseEntity> FileAsync() => InScopeAsync(async sp =>
        {
            var journal = new Ducha.Cases.Application.CaseJournal(sp.GetRequiredService<CasesDbContext>(), sp.GetRequiredService<EventOutbox<CasesDbContext>>(), new FixedTime(Monday));
            var service = new Ducha.Cases.Application.CaseIntakeService(journal, new Ducha.Cases.Confidentiality.ReporterProtector(configuration, sp.GetRequiredService<IHostEnvironment>()),
                configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<Ducha.Cases.Application.CaseIntakeService>.Instance);
            return (await service.ReceiveAsync(intake, null, receiver, CancellationToken.None)).Case;
        });
        var earlier = await FileAsync();

        // On threads of their own: SQLite's async calls complete synchronously, which would file them one by one.
        var repeats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(FileAsync)));

        Assert.All(repeats, r => Assert.Equal(earlier.Id, r.LinkedCaseId));
        var (stored, chain) = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            return (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == earlier.Id),
                await db.Transitions.AsNoTracking().Where(t => t.CaseId == earlier.Id).OrderBy(t => t.Sequence).ToListAsync());
        });
        Assert.Equal(6, stored.RepeatCount);
        Assert.Equal(7, stored.HistoryLength);
        Assert.Equal(7, chain.Count);
        Assert.Null(Ducha.Cases.Domain.CaseTransition.FirstBrokenLink(chain));
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
    public async Task The_disclosure_count_applies_each_event_once()
    {
        var dispatcher = _host.Services.GetRequiredService<EventDispatcher>();
        var subscription = _host.Services.GetServices<EventSubscription>().Single();
        var factory = _host.Services.GetRequiredService<CloudEventFactory>();
        var (_, envelope) = factory.Create("cases", new CaseReceived("c-1", "320506", "Letter", "Noise", false, Monday));

        var outcomes = new[]
        {
            await dispatcher.DispatchAsync("test", subscription, envelope, null, CancellationToken.None),
            await dispatcher.DispatchAsync("test", subscription, envelope, null, CancellationToken.None),
        };

        Assert.Equal([DispatchOutcome.Applied, DispatchOutcome.Duplicate], outcomes);
        var count = await InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ReceivedCaseCounts.AsNoTracking().SingleAsync(c => c.JurisdictionCode == "320506"));
        Assert.Equal(1, count.Received);
        Assert.Equal(Monday, count.LastReceivedAt);
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
file sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
