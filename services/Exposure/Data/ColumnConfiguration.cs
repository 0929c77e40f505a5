using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class ColumnConfiguration : IEntityTypeConfiguration<Column>
{
    public void Configure(EntityTypeBuilder<Column> builder)
    {
        builder.IsJurisdictionRecord("columns").HasIndex(c => c.MediaOutletId);
        builder.Property(c => c.MediaOutletId).HasMaxLength(36);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Period).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
    }
}
