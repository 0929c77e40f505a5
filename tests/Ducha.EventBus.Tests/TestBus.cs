using Ducha.EventBus;
using Ducha.EventBus.EntityFramework.AppliedEvents;
using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.Tests;

[IntegrationEvent("tests.tallied", "ducha.tests.tallied.v1")]
public sealed record Tallied(string Key, string JurisdictionCode = "320500") : IIntegrationEvent;

public sealed class Tally
{
    public required string Key { get; init; }
    public int Count { get; set; }
    /// <summary>The amount of the last note applied: a value that depends on the order events were applied in.</summary>
    public int Last { get; set; }
}

/// <summary>A service database in miniature: one table of its own plus the outbox and inbox, and the applied-event log.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddAppliedEventLog();
        modelBuilder.Entity<Tally>(e => { e.ToTable("tallies"); e.HasKey(t => t.Key); });
    }
}

/// <summary>Counts each event per key; can be told to fail so retries and dead-lettering show.</summary>
public sealed class TallyHandler(TestDbContext db, HandlerBehaviour behaviour) : IIntegrationEventHandler<Tallied>
{
    public async Task HandleAsync(Tallied @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref behaviour.Calls);
        if (behaviour.Hold is { } hold) await hold.Task.WaitAsync(cancellationToken);
        if (behaviour.AlwaysFail || @event.Key == behaviour.FailKey) throw new InvalidOperationException($"handler refuses {@event.Key}");
        var tally = await db.Tallies.FindAsync([@event.Key], cancellationToken);
        if (tally is null) db.Tallies.Add(tally = new Tally { Key = @event.Key });
        tally.Count++;
        await db.SaveChangesAsync(cancellationToken);
    }
}

// Plain fields on purpose: the handler updates them with Interlocked/volatile from the delivery threads.
#pragma warning disable CA1051
public sealed class HandlerBehaviour
{
    public volatile bool AlwaysFail;
    /// <summary>The one key the tally handler refuses: a poison event among good ones.</summary>
    public volatile string? FailKey;
    public int Calls;
    /// <summary>How many events a handler applied again from the applied-event log.</summary>
    public int Replays;
    /// <summary>When set, the handler waits on it: a consumer stuck mid-message, about to die.</summary>
    public TaskCompletionSource? Hold;
    /// <summary>When set, the note handler leaves its change tracked for whoever calls it to save (the dispatcher, a replay).</summary>
    public volatile bool LeaveTracked;
}
#pragma warning restore CA1051

[IntegrationEvent("tests.noted", "ducha.tests.noted.v1")]
public sealed record Noted(string Key, int Amount, string JurisdictionCode = "320500") : IIntegrationEvent;

/// <summary>
/// A read model kept with the applied-event log: sums the amounts per key and remembers the last one, which only the
/// order of application decides. Records whether it ran in a replay.
/// </summary>
public sealed class NoteHandler(TestDbContext db, HandlerBehaviour behaviour) : IIntegrationEventHandler<Noted>
{
    public async Task HandleAsync(Noted @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        if (metadata.Replayed) Interlocked.Increment(ref behaviour.Replays);
        if (behaviour.AlwaysFail || @event.Key == behaviour.FailKey) throw new InvalidOperationException($"handler refuses {@event.Key}");
        var tally = await db.Tallies.FindAsync(["note-" + @event.Key], cancellationToken);
        if (tally is null) db.Tallies.Add(tally = new Tally { Key = "note-" + @event.Key });
        tally.Count += @event.Amount;
        tally.Last = @event.Amount;
        if (!behaviour.LeaveTracked) await db.SaveChangesAsync(cancellationToken);
    }
}

[IntegrationEvent("tests.copied", "ducha.tests.copied.v1")]
public sealed record Copied(string Key, string JurisdictionCode = "320500") : IIntegrationEvent;

/// <summary>
/// A handler that keeps no applied events and reads the note read model by a query, not through the tracker: it copies
/// what the notes of its key add up to when it runs, so it shows whether what came before it was saved first.
/// </summary>
public sealed class NoteCopier(TestDbContext db) : IIntegrationEventHandler<Copied>
{
    public async Task HandleAsync(Copied @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var noted = await db.Tallies.AsNoTracking().Where(t => t.Key == "note-" + @event.Key).Select(t => t.Count).FirstOrDefaultAsync(cancellationToken);
        db.Tallies.Add(new Tally { Key = "copy-" + @event.Key, Count = noted });
        await db.SaveChangesAsync(cancellationToken);
    }
}
