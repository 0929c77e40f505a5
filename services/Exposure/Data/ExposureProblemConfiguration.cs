using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class ExposureProblemConfiguration : IEntityTypeConfiguration<ExposureProblem>
{
    public void Configure(EntityTypeBuilder<ExposureProblem> builder)
    {
        builder.IsJurisdictionRecord("exposures").HasIndex(p => new { p.ColumnId, p.ProposedAt });
        builder.HasIndex(p => p.PlaceJurisdictionCode);
        builder.Property(p => p.ColumnId).HasMaxLength(36);
        builder.Property(p => p.PlaceJurisdictionCode).HasMaxLength(12);
        builder.Property(p => p.Address).HasMaxLength(300);
        builder.Property(p => p.Polluter).HasMaxLength(200);
        builder.Property(p => p.PollutionType).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.ExistingCaseId).HasMaxLength(36);
        builder.Property(p => p.CaseId).HasMaxLength(36);
        builder.Property(p => p.FollowUpJurisdictionCode).HasMaxLength(12);
        // Follow-up statistics and the overdue watch ask by owner and deadline.
        builder.HasIndex(p => new { p.FollowUpJurisdictionCode, p.FollowUpDeadline });
        builder.Property(p => p.ResponsibleUnit).HasMaxLength(100);
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        // Two replicas' watches announcing the same overdue follow-up: the second finds the mark set and writes nothing.
        builder.Property(p => p.OverdueAnnouncedAt).IsConcurrencyToken();
        // The follow-up is read and written with its problem: columns of the problem's own row.
        builder.OwnsOne(p => p.ReturnVisit, v =>
        {
            v.Property(x => x.Findings).HasMaxLength(4000);
            v.Property(x => x.Rectification).HasConversion<string>().HasMaxLength(32);
            v.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        builder.OwnsOne(p => p.FollowUpBroadcast, b =>
        {
            b.Property(x => x.ColumnId).HasMaxLength(36);
            b.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        // Material is metadata read with its problem and never queried alone: one JSON column, as cases keep attachments.
        builder.OwnsMany(p => p.Materials, m => m.ToJson("materials"));
    }
}
