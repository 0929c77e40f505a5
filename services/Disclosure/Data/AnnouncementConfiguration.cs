using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        // A county's, a city's and a province's list each read one of these indexes.
        builder.IsJurisdictionRecord("announcements").HasIndex(a => new { a.JurisdictionCode, a.PublishedAt });
        builder.HasIndex(a => new { a.CityCode, a.PublishedAt });
        builder.HasIndex(a => new { a.ProvinceCode, a.PublishedAt });
        builder.Property(a => a.CityCode).HasMaxLength(12);
        builder.Property(a => a.ProvinceCode).HasMaxLength(12);
        builder.Property(a => a.PublishedBy).HasMaxLength(12);
        // Two corrections made from the same version: the second save finds the number moved on and is refused.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Current);
        builder.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AnnouncementId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Versions).AutoInclude();
    }
}
