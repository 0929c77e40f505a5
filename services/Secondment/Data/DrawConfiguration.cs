using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> builder)
    {
        builder.IsJurisdictionRecord("draws").HasIndex(d => new { d.JurisdictionCode, d.Round });
        builder.Ignore(d => d.Pairs);
        builder.Property(d => d.Round).HasMaxLength(50);
        builder.Property(d => d.Procedure).HasMaxLength(32);
        builder.Property(d => d.Seed).HasMaxLength(64);
        builder.Property(d => d.InputsHash).HasMaxLength(64);
        builder.Property(d => d.Commitment).HasMaxLength(64);
        builder.Property(d => d.PreviousDrawId).HasMaxLength(36);
        // One redraw per draw: two concurrent redraws of the same draw cannot both land.
        builder.Property(d => d.ReplacesDrawId).HasMaxLength(36);
        builder.HasIndex(d => d.ReplacesDrawId).IsUnique();
        builder.Property(d => d.ReplacedByDrawId).HasMaxLength(36);
        builder.Property(d => d.RedrawReason).HasMaxLength(500);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
