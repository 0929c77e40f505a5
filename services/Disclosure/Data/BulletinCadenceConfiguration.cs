using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Data;

internal sealed class BulletinCadenceConfiguration : IEntityTypeConfiguration<BulletinCadence>
{
    public void Configure(EntityTypeBuilder<BulletinCadence> builder)
    {
        builder.IsJurisdictionRecord("bulletin_cadences").HasIndex(c => c.JurisdictionCode).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
