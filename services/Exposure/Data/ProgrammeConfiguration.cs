using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        // One programme per column and day: two offices' requests at the same moment cannot both plan the same slot.
        builder.IsJurisdictionRecord("programmes").HasIndex(p => new { p.ColumnId, p.AirDate }).IsUnique();
        builder.Property(p => p.ColumnId).HasMaxLength(36);
        builder.Property(p => p.ScheduledBy).HasMaxLength(200);
        builder.Property(p => p.AiredBy).HasMaxLength(200);
        builder.Property(p => p.AiredAt);
    }
}
