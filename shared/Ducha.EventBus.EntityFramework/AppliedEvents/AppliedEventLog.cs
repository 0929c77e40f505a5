using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework.AppliedEvents;

/// <summary>
/// The applied-event log: opt-in, per subscription (<c>AddSubscription(…, keepAppliedEvents: true)</c>), for consumers that
/// build read models from events. An inbox row only proves an event was applied; to rebuild a read model (a bug fixed in
/// a handler, a new column, a store restored) the consumer needs the events themselves, and neither the broker (which
/// forgets what it delivered) nor the publishers (whose outboxes are theirs, and may be down) can be asked for them. So
/// the consumer keeps its own copy, committed with the change it caused: the log and the model never disagree.
/// </summary>
public static class AppliedEventLog
{
    /// <summary>Adds the log's table to a consumer database's model; a context whose subscriptions keep the log calls it.</summary>
    public static ModelBuilder AddAppliedEventLog(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppliedEvent>(e =>
        {
            e.ToTable("applied_events");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.EventId).HasMaxLength(64);
            e.Property(m => m.Topic).HasMaxLength(200);
            e.Property(m => m.Type).HasMaxLength(200);
            e.Property(m => m.Source).HasMaxLength(500);
        });
        return modelBuilder;
    }

    /// <summary>Whether <paramref name="db"/>'s model has the log's table.</summary>
    public static bool HasAppliedEventLog(this DbContext db) => db.Model.FindEntityType(typeof(AppliedEvent)) is not null;

    /// <summary>Refuses a log-keeping subscription on a database without the table, naming the fix.</summary>
    internal static void EnsureTable(DbContext db, EventSubscription subscription)
    {
        if (!db.HasAppliedEventLog())
            throw new InvalidOperationException($"Subscription {subscription.QueueName} keeps its applied events, but {db.GetType().Name} has no "
                + "applied_events table: call modelBuilder.AddAppliedEventLog() in its OnModelCreating.");
    }

    /// <summary>The event's entry in the log, appended by the caller in the transaction of the inbox row.</summary>
    internal static AppliedEvent Entry(EventSubscription subscription, CloudEventEnvelope envelope, DateTimeOffset appliedAt) => new()
    {
        Consumer = subscription.Consumer,
        EventId = envelope.Id,
        Topic = subscription.Topic,
        Type = envelope.Type,
        Source = envelope.Source,
        Time = envelope.Time,
        Data = envelope.Data.GetRawText(),
        AppliedAt = appliedAt,
    };
}
