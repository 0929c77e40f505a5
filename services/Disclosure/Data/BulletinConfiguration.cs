using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        builder.IsJurisdictionRecord("bulletins").HasIndex(b => new { b.JurisdictionCode, b.PublishedAt });
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.Body).HasMaxLength(20000);
    }
}
