using Ducha.Cases.Domain;

namespace Ducha.Cases.Data;

/// <summary>
/// Cases' copy of who is seconded away from their home unit, one row per secondment (its id the key, so an event published
/// again updates the row it made). Read by the person's subject and home unit on every handler's call.
/// </summary>
public sealed class SecondedCadreConfiguration : IEntityTypeConfiguration<SecondedCadre>
{
    public void Configure(EntityTypeBuilder<SecondedCadre> builder)
    {
        builder.ToTable("seconded_cadres");
        builder.HasKey(s => s.SecondmentId);
        builder.Property(s => s.SecondmentId).HasMaxLength(SecondedCadre.MaxIdLength);
        builder.Property(s => s.Subject).HasMaxLength(SecondedCadre.MaxSubjectLength);
        builder.Property(s => s.HomeUnit).HasMaxLength(SecondedCadre.MaxUnitLength);
        builder.Property(s => s.HomeJurisdictionCode).HasMaxLength(12);
        builder.Property(s => s.SecondedToJurisdictionCode).HasMaxLength(12);
        builder.Property(s => s.PostName).HasMaxLength(SecondedCadre.MaxPostLength);
        builder.HasIndex(s => new { s.Subject, s.HomeJurisdictionCode, s.HomeUnit });
        builder.Ignore(s => s.LastDay);
    }
}
