using Ducha.Cases.Domain;

namespace Ducha.Cases.Data;

/// <summary>
/// The registers of handling units store only what the offices changed: each registration and retirement, numbered per
/// unit. The template's departments are computed (<see cref="UnitTemplate"/>).
/// </summary>
public sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> builder)
    {
        builder.ToTable("handling_unit_changes");
        // A register is read whole by its jurisdiction: the key's first column.
        builder.HasKey(c => new { c.JurisdictionCode, c.Name, c.Version });
        builder.Property(c => c.JurisdictionCode).HasMaxLength(12);
        builder.Property(c => c.Name).HasMaxLength(UnitRegister.MaxNameLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.By).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
    }
}
