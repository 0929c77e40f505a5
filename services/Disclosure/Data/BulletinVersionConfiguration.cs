using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Data;

internal sealed class BulletinVersionConfiguration : IEntityTypeConfiguration<BulletinVersion>
{
    public void Configure(EntityTypeBuilder<BulletinVersion> builder)
    {
        // The key is the chain's order: two corrections at once cannot both become version n.
        builder.ToTable("bulletin_versions").HasKey(v => new { v.BulletinId, v.Number });
        builder.Property(v => v.BulletinId).HasMaxLength(36);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Property(v => v.PreviousHash).HasMaxLength(64);
        builder.Property(v => v.Hash).HasMaxLength(64);
    }
}
