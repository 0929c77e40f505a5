using Ducha.EventBus.EntityFramework.Inbox;
using Ducha.EventBus.EntityFramework.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ducha.EventBus.EntityFramework;

public static class EventBusModel
{
    /// <summary>Adds the outbox and inbox tables to a service's own database model.</summary>
    public static ModelBuilder AddEventBusTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.Property(m => m.EventId).HasMaxLength(64);
            e.Property(m => m.Topic).HasMaxLength(200);
            e.Property(m => m.Type).HasMaxLength(200);
            e.HasIndex(m => m.EventId).IsUnique();
            e.HasIndex(m => m.SentAt);
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.EventId, m.Consumer });
            e.Property(m => m.EventId).HasMaxLength(64);
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.Type).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
