using Ducha.Assessment.Domain.DutyReports;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Assessment.Domain.Vetoes;

namespace Ducha.Assessment.Data;

internal sealed class VetoConfiguration : IEntityTypeConfiguration<Veto>
{
    public void Configure(EntityTypeBuilder<Veto> builder)
    {
        builder.IsJurisdictionRecord("vetoes").HasIndex(v => new { v.Year, v.JurisdictionCode });
        builder.Property(v => v.Department).HasMaxLength(100);
        builder.Property(v => v.Ground).HasConversion<string>().HasMaxLength(24);
        builder.Property(v => v.Evidence).HasMaxLength(Veto.MaxEvidence);
        builder.Property(v => v.AssessorJurisdictionCode).HasMaxLength(12);
        builder.Property(v => v.RecordedBy).HasMaxLength(200);
        builder.Property(v => v.WithdrawalReason).HasMaxLength(Veto.MaxReason);
        builder.Property(v => v.WithdrawnBy).HasMaxLength(200);
        // Two withdrawals at once: the second finds the row changed and is refused rather than overwriting the first's reason.
        builder.Property(v => v.WithdrawnAt).IsConcurrencyToken();
    }
}

internal sealed class DutyReportConfiguration : IEntityTypeConfiguration<DutyReport>
{
    public void Configure(EntityTypeBuilder<DutyReport> builder)
    {
        // One report per party and year: two filings at once meet on this key.
        builder.IsJurisdictionRecord("duty_reports").HasIndex(r => new { r.Year, r.JurisdictionCode, r.Department }).IsUnique();
        builder.Property(r => r.Department).HasMaxLength(100);
        builder.Property(r => r.Summary).HasMaxLength(DutyReport.MaxSummary);
        builder.Property(r => r.FiledBy).HasMaxLength(200);
        builder.Property(r => r.Filings).IsConcurrencyToken();
    }
}

internal sealed class FrozenResultsConfiguration : IEntityTypeConfiguration<FrozenResults>
{
    public void Configure(EntityTypeBuilder<FrozenResults> builder)
    {
        builder.ToTable("frozen_results").HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(36);
        // Once only: two freezes at once cannot both store their results.
        builder.HasIndex(r => new { r.AssessorJurisdictionCode, r.Year, r.Audience }).IsUnique();
        builder.Property(r => r.AssessorJurisdictionCode).HasMaxLength(12);
        builder.Property(r => r.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Order).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.SchemeId).HasMaxLength(36);
        builder.Property(r => r.FrozenBy).HasMaxLength(200);
        builder.Property(r => r.ChainHead).HasMaxLength(64);
    }
}

internal sealed class FrozenSheetConfiguration : IEntityTypeConfiguration<FrozenSheet>
{
    public void Configure(EntityTypeBuilder<FrozenSheet> builder)
    {
        // The key is the chain's order.
        builder.ToTable("frozen_sheets").HasKey(s => new { s.ResultsId, s.Position });
        builder.Property(s => s.ResultsId).HasMaxLength(36);
        builder.Property(s => s.JurisdictionCode).HasMaxLength(12);
        builder.Property(s => s.Department).HasMaxLength(100);
        builder.Property(s => s.PreviousHash).HasMaxLength(64);
        builder.Property(s => s.Hash).HasMaxLength(64);
        builder.HasIndex(s => new { s.ResultsId, s.JurisdictionCode, s.Department }).IsUnique();
        builder.HasOne<FrozenResults>().WithMany().HasForeignKey(s => s.ResultsId).OnDelete(DeleteBehavior.Cascade);
    }
}
