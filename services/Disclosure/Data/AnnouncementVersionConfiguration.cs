using Ducha.Disclosure.Domain;
using Ducha.Persistence;

namespace Ducha.Disclosure.Data;

internal sealed class AnnouncementVersionConfiguration : IEntityTypeConfiguration<AnnouncementVersion>
{
    public void Configure(EntityTypeBuilder<AnnouncementVersion> builder)
    {
        builder.ToTable("announcement_versions");
        // One row per version, never updated: the key also stops two corrections from both becoming the same version.
        builder.HasKey(v => new { v.AnnouncementId, v.Number });
        builder.Property(v => v.AnnouncementId).HasMaxLength(36);
        builder.Property(v => v.Team).HasMaxLength(100);
        builder.Property(v => v.ReportPhone).HasMaxLength(20);
        builder.Property(v => v.PhoneHours).HasMaxLength(11).HasConversion(h => h.ToString(), text => ParseHours(text));
        builder.Property(v => v.PostalBox).HasMaxLength(PostalBox.MaxLength);
        // The venues are read with their version and never queried alone: their names, comma-separated.
        builder.Property(v => v.Venues).HasMaxLength(200).HasConversion(
            venues => string.Join(',', venues),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Enum.Parse<AnnouncementVenue>(name)).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<AnnouncementVenue>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));
        builder.Property(v => v.Reason).HasMaxLength(500);
        builder.Property(v => v.RecordedBy).HasMaxLength(12);
        builder.Property(v => v.RecordedBySubject).HasMaxLength(200);
        builder.Ignore(v => v.Content);
    }

    // Called by the compiled model's generated code (eng/compiled-models.sh).
    internal static PhoneHours ParseHours(string text) => StoredText.Read(text, stored =>
        PhoneHours.TryParse(stored, out var hours) ? hours : throw new InvalidOperationException($"Stored phone hours '{stored}' are not HH:mm-HH:mm."));
}
