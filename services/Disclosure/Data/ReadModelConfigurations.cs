using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

internal sealed class DisclosedCaseFactsConfiguration : IEntityTypeConfiguration<DisclosedCaseFacts>
{
    public void Configure(EntityTypeBuilder<DisclosedCaseFacts> builder)
    {
        builder.ToTable("disclosed_case_facts");
        builder.HasKey(f => f.CaseId);
        builder.Property(f => f.CaseId).HasMaxLength(36);
        builder.Property(f => f.OriginJurisdictionCode).HasMaxLength(12);
        builder.Property(f => f.Address).HasMaxLength(500);
        builder.Property(f => f.Polluter).HasMaxLength(200);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.Property(f => f.Findings).HasMaxLength(4000);
        builder.Property(f => f.Result).HasMaxLength(4000);
        builder.Property(f => f.Rectification).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ExposureId).HasMaxLength(36);
        builder.HasIndex(f => f.ExposureId);
    }
}

internal sealed class AccountabilityTallyConfiguration : IEntityTypeConfiguration<AccountabilityTally>
{
    public void Configure(EntityTypeBuilder<AccountabilityTally> builder)
    {
        builder.ToTable("disclosed_accountability");
        builder.HasKey(t => new { t.CaseId, t.Rank, t.Sanction });
        builder.Property(t => t.CaseId).HasMaxLength(36);
        builder.Property(t => t.Rank).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Sanction).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class DisclosedExposureConfiguration : IEntityTypeConfiguration<DisclosedExposure>
{
    public void Configure(EntityTypeBuilder<DisclosedExposure> builder)
    {
        builder.ToTable("disclosed_exposures");
        builder.HasKey(e => e.ExposureId);
        builder.Property(e => e.ExposureId).HasMaxLength(36);
        foreach (var code in new[] { nameof(DisclosedExposure.JurisdictionCode), nameof(DisclosedExposure.PlaceJurisdictionCode),
                     nameof(DisclosedExposure.FollowUpJurisdictionCode) })
            builder.Property(code).HasMaxLength(12);
        builder.Property(e => e.Polluter).HasMaxLength(200);
        builder.Property(e => e.PollutionType).HasMaxLength(32);
        builder.Property(e => e.ReturnVisitRectification).HasMaxLength(16);
        builder.Property(e => e.FollowUpState).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.CaseId).HasMaxLength(36);
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class TypicalCaseMarkConfiguration : IEntityTypeConfiguration<TypicalCaseMark>
{
    public void Configure(EntityTypeBuilder<TypicalCaseMark> builder)
    {
        builder.ToTable("typical_case_marks");
        builder.HasKey(m => m.CaseId);
        builder.Property(m => m.CaseId).HasMaxLength(36);
        builder.Property(m => m.MarkedBy).HasMaxLength(200);
        builder.Property(m => m.MarkedByJurisdictionCode).HasMaxLength(12);
    }
}

internal sealed class FetchedCaseFactsConfiguration : IEntityTypeConfiguration<FetchedCaseFacts>
{
    public void Configure(EntityTypeBuilder<FetchedCaseFacts> builder)
    {
        builder.ToTable("fetched_case_facts");
        builder.HasKey(f => f.Sequence);
        builder.Property(f => f.Sequence).ValueGeneratedOnAdd();
        builder.Property(f => f.CaseId).HasMaxLength(36);
    }
}
