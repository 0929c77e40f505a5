using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

internal sealed class DisclosedCaseConfiguration : IEntityTypeConfiguration<DisclosedCase>
{
    public void Configure(EntityTypeBuilder<DisclosedCase> builder)
    {
        builder.ToTable("disclosed_cases");
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.CaseId).HasMaxLength(36);
        foreach (var code in new[] { nameof(DisclosedCase.JurisdictionCode), nameof(DisclosedCase.ProvinceCode), nameof(DisclosedCase.CityCode),
                     nameof(DisclosedCase.CountyCode), nameof(DisclosedCase.ReceivedByJurisdictionCode) })
            builder.Property(code).HasMaxLength(12);
        builder.Property(c => c.PollutionType).HasMaxLength(32);
        builder.Property(c => c.Channel).HasMaxLength(32);
        builder.Property(c => c.RepeatOfCaseId).HasMaxLength(36);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.FactsError).HasMaxLength(500);
        builder.Ignore(c => c.IsOpen);
        // A level's summary and list read the cases that came into its hands in a period: one range of one index per
        // level, which also holds what the summary counts, so a province of a million cases is counted from the index alone.
        builder.HasIndex(c => new { c.ProvinceCode, c.ProvinceArrivedAt, c.Stage, c.Overdue, c.FactsPending });
        builder.HasIndex(c => new { c.CityCode, c.CityArrivedAt, c.Stage, c.Overdue, c.FactsPending });
        builder.HasIndex(c => new { c.CountyCode, c.CountyArrivedAt, c.Stage, c.Overdue, c.FactsPending });
        // Received counts per place (GetReceivedCaseCounts), and the fetcher's queue.
        builder.HasIndex(c => new { c.JurisdictionCode, c.ReceivedAt });
        builder.HasIndex(c => new { c.FactsPending, c.FactsDueAt });
    }
}
