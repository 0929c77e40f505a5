using Ducha.Secondment.Domain.History;

namespace Ducha.Secondment.Data;

internal sealed class HistoryLinkConfiguration : IEntityTypeConfiguration<HistoryLink>
{
    public void Configure(EntityTypeBuilder<HistoryLink> builder)
    {
        // One chain per level: the key is its position, so two writers of the same next link cannot both commit.
        builder.ToTable("history_links").HasKey(l => new { l.JurisdictionCode, l.Sequence });
        builder.Property(l => l.JurisdictionCode).HasMaxLength(12);
        builder.Property(l => l.Kind).HasMaxLength(60);
        builder.Property(l => l.SubjectId).HasMaxLength(64);
        builder.Property(l => l.Actor).HasMaxLength(200);
        builder.Property(l => l.ActorRole).HasMaxLength(40);
        builder.Property(l => l.PayloadHash).HasMaxLength(64);
        builder.Property(l => l.PreviousHash).HasMaxLength(64);
        builder.Property(l => l.Hash).HasMaxLength(64);
    }
}
