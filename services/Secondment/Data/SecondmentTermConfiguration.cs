using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class SecondmentTermConfiguration : IEntityTypeConfiguration<SecondmentTerm>
{
    public void Configure(EntityTypeBuilder<SecondmentTerm> builder)
    {
        builder.IsJurisdictionRecord("secondments");
        builder.HasIndex(s => new { s.CadreId, s.StartDate });
        builder.HasIndex(s => new { s.JurisdictionCode, s.StartDate });
        // The watch's two questions: which terms ran out, which are due for the rotation reminder.
        builder.HasIndex(s => new { s.EndedDate, s.EndDate });
        builder.HasIndex(s => new { s.RotationAnnouncedAt, s.RotationDueDate });
        builder.Property(s => s.CadreId).HasMaxLength(36);
        builder.Property(s => s.CadreName).HasMaxLength(50);
        builder.Property(s => s.Subject).HasMaxLength(200);
        builder.Property(s => s.HomeUnit).HasMaxLength(200);
        builder.Property(s => s.HomeJurisdictionCode).HasMaxLength(12);
        builder.Property(s => s.Post).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.PostName).HasMaxLength(100);
        builder.Property(s => s.SuccessorCadreId).HasMaxLength(36);
        builder.Property(s => s.EndedReason).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
