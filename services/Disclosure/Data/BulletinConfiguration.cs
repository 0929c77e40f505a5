using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Data;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        // One bulletin per jurisdiction and period: the cadence watch and an office drafting at once meet on this key.
        builder.IsJurisdictionRecord("bulletins").HasIndex(b => new { b.JurisdictionCode, b.PeriodStart, b.PeriodEnd }).IsUnique();
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(b => b.Content);
        // Two watches announcing the same overdue period: the second finds the mark set and writes nothing.
        builder.Property(b => b.OverdueAnnouncedAt).IsConcurrencyToken();
    }
}
