using Ducha.Disclosure.Domain.Draws;

namespace Ducha.Disclosure.Data;

internal sealed class PublishedDrawConfiguration : IEntityTypeConfiguration<PublishedDraw>
{
    public void Configure(EntityTypeBuilder<PublishedDraw> builder)
    {
        builder.ToTable("published_draws");
        builder.HasKey(d => d.Id);
        builder.Ignore(d => d.Pairs);
        builder.Property(d => d.Id).HasMaxLength(36);
        builder.Property(d => d.JurisdictionCode).HasMaxLength(12);
        builder.Property(d => d.Round).HasMaxLength(50);
        builder.Property(d => d.Commitment).HasMaxLength(64);
        builder.Property(d => d.ReplacesDrawId).HasMaxLength(36);
        builder.Property(d => d.RedrawReason).HasMaxLength(500);
        builder.Property(d => d.Seed).HasMaxLength(64);
        builder.Property(d => d.InputsHash).HasMaxLength(64);
    }
}
