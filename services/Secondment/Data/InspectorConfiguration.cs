using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> builder)
    {
        builder.IsJurisdictionRecord("inspectors").HasIndex(i => new { i.JurisdictionCode, i.Id });
        builder.Property(i => i.CadreId).HasMaxLength(36);
        builder.Property(i => i.Name).HasMaxLength(50);
        builder.Property(i => i.Unit).HasMaxLength(200);
        builder.Property(i => i.HomeJurisdictionCode).HasMaxLength(12);
    }
}
