using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class MediaOutletConfiguration : IEntityTypeConfiguration<MediaOutlet>
{
    public void Configure(EntityTypeBuilder<MediaOutlet> builder)
    {
        builder.IsJurisdictionRecord("media_outlets").HasIndex(o => new { o.JurisdictionCode, o.CreatedAt });
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.ColumnName).HasMaxLength(100);
    }
}
