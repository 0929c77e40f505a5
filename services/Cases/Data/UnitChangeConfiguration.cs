using Ducha.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ducha.Cases.Data;

/// <summary>
/// The registers of handling units store only what the offices changed: each registration and retirement, numbered per
/// unit. The template's departments are computed (<see cref="UnitTemplate"/>).
/// </summary>
public sealed class UnitChangeConfiguration : IEntityTypeConfiguration<UnitChange>
{
    public void Configure(EntityTypeBuilder<UnitChange> e)
    {
        e.ToTable("handling_unit_changes");
        // A register is read whole by its jurisdiction: the key's first column.
        e.HasKey(c => new { c.JurisdictionCode, c.Name, c.Version });
        e.Property(c => c.JurisdictionCode).HasMaxLength(12);
        e.Property(c => c.Name).HasMaxLength(UnitRegister.MaxNameLength);
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.By).HasMaxLength(200);
        e.Property(c => c.Reason).HasMaxLength(500);
    }
}
