using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class CaseOpeningConfiguration : IEntityTypeConfiguration<CaseOpening>
{
    public void Configure(EntityTypeBuilder<CaseOpening> builder)
    {
        builder.ToTable("case_openings").HasKey(o => o.ExposureId);
        // The opener looks for what is due and still pending.
        builder.HasIndex(o => new { o.OpenedAt, o.NextAttemptAt });
        builder.Property(o => o.ExposureId).HasMaxLength(36);
        builder.Property(o => o.OfficeJurisdictionCode).HasMaxLength(12);
        builder.Property(o => o.OrderedBy).HasMaxLength(200);
        builder.Property(o => o.TraceParent).HasMaxLength(128);
        builder.Property(o => o.LastError).HasMaxLength(1000);
        builder.Property(o => o.CaseId).HasMaxLength(36);
        builder.Property(o => o.RefusedReason).HasMaxLength(1000);
    }
}
