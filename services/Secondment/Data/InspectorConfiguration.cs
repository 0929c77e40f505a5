using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class InspectorConfiguration : IEntityTypeConfiguration<Inspector>
{
    public void Configure(EntityTypeBuilder<Inspector> builder)
    {
        builder.IsJurisdictionRecord("inspectors").HasIndex(i => new { i.JurisdictionCode, i.Id });
        builder.Property(i => i.CadreId).HasMaxLength(36);
        // A cadre is in a level's register once, even when two offices enter them at the same moment; enforcement staff
        // (no cadre id) are not covered, as both providers keep NULLs distinct in a unique index.
        builder.HasIndex(i => new { i.JurisdictionCode, i.CadreId }).IsUnique().HasFilter(null);
        builder.Property(i => i.Name).HasMaxLength(50);
        builder.Property(i => i.Unit).HasMaxLength(200);
        builder.Property(i => i.HomeJurisdictionCode).HasMaxLength(12);
    }
}
