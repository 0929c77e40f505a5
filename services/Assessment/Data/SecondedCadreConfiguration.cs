using Ducha.Assessment.Domain.Seconded;

namespace Ducha.Assessment.Data;

internal sealed class SecondedCadreConfiguration : IEntityTypeConfiguration<SecondedCadreResult>
{
    public void Configure(EntityTypeBuilder<SecondedCadreResult> builder)
    {
        builder.ToTable("seconded_cadre_results");
        builder.HasKey(r => new { r.SecondmentId, r.Year });
        builder.HasIndex(r => new { r.JurisdictionCode, r.Year });
        builder.Property(r => r.SecondmentId).HasMaxLength(64);
        builder.Property(r => r.JurisdictionCode).HasMaxLength(12);
        builder.Property(r => r.HomeJurisdictionCode).HasMaxLength(12);
        builder.Property(r => r.CadreId).HasMaxLength(64);
        builder.Property(r => r.CadreName).HasMaxLength(100);
        builder.Property(r => r.HomeUnit).HasMaxLength(200);
        builder.Property(r => r.PostName).HasMaxLength(200);
        builder.Property(r => r.OfficeGrade).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.HomeUnitGrade).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Overall).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Recommendation).HasConversion<string>().HasMaxLength(24);
        // Read whole with the line, never queried inside: one document.
        builder.Property(r => r.Record).AsJsonDocument();
    }
}
