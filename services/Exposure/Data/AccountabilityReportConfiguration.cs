using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class AccountabilityReportConfiguration : IEntityTypeConfiguration<AccountabilityReport>
{
    public void Configure(EntityTypeBuilder<AccountabilityReport> builder)
    {
        // One row per version: two submissions at the same moment cannot both become the same version.
        builder.IsJurisdictionRecord("accountability_reports").HasIndex(r => new { r.JurisdictionCode, r.Period, r.Version }).IsUnique();
        builder.Property(r => r.Period).IsReportingPeriod();
        builder.Property(r => r.Remarks).HasMaxLength(4000);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        // Computed from the problems whenever read; storing it too would let the two disagree.
        builder.Ignore(r => r.Totals);
        // The problems are read with their report and never queried alone: one JSON column, as exposures keep materials.
        builder.OwnsMany(r => r.Problems, p =>
        {
            p.ToJson("problems");
            p.OwnsMany(x => x.People);
        });
    }
}
