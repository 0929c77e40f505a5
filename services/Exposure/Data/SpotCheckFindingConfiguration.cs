using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class SpotCheckFindingConfiguration : IEntityTypeConfiguration<SpotCheckFinding>
{
    public void Configure(EntityTypeBuilder<SpotCheckFinding> builder)
    {
        builder.ToTable("spot_check_findings");
        // The key is the once-per-problem rule: of two findings recorded at the same moment, one is refused.
        builder.HasKey(f => new { f.SpotCheckId, f.ExposureId });
        builder.Property(f => f.SpotCheckId).HasMaxLength(36);
        builder.Property(f => f.ExposureId).HasMaxLength(36);
        builder.Property(f => f.Finding).HasMaxLength(4000);
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
    }
}
