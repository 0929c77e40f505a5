using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class CadreConfiguration : IEntityTypeConfiguration<Cadre>
{
    public void Configure(EntityTypeBuilder<Cadre> builder)
    {
        builder.IsJurisdictionRecord("cadres").HasIndex(c => new { c.JurisdictionCode, c.CreatedAt });
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.HomeUnit).HasMaxLength(200);
        builder.Property(c => c.Rank).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.HasIndex(c => c.Subject).IsUnique();
        builder.PrimitiveCollection(c => c.Specialities);
        builder.Property(c => c.TermsRevision).IsConcurrencyToken();
    }
}
