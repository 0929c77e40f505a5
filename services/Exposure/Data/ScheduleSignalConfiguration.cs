using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class ScheduleSignalConfiguration : IEntityTypeConfiguration<ScheduleSignal>
{
    public void Configure(EntityTypeBuilder<ScheduleSignal> builder)
    {
        builder.ToTable("schedule_signals");
        // The key is the once-per-period rule: a second replica's watch raising the same signal loses on it.
        builder.HasKey(s => new { s.ColumnId, s.PeriodStart, s.Kind });
        builder.Property(s => s.ColumnId).HasMaxLength(36);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(s => s.Period);
    }
}
