using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class InspectionTargetConfiguration : IEntityTypeConfiguration<InspectionTarget>
{
    public void Configure(EntityTypeBuilder<InspectionTarget> builder)
    {
        builder.IsJurisdictionRecord("inspection_targets").HasIndex(t => new { t.JurisdictionCode, t.Id });
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.PollutionType).HasMaxLength(50);
        builder.Property(t => t.Risk).HasConversion<string>().HasMaxLength(16);
    }
}
