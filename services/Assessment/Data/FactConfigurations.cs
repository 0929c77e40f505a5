using Ducha.Assessment.Domain.Facts;

namespace Ducha.Assessment.Data;

internal sealed class AssessedCaseConfiguration : IEntityTypeConfiguration<AssessedCase>
{
    public void Configure(EntityTypeBuilder<AssessedCase> builder)
    {
        builder.ToTable("assessed_cases").HasKey(c => c.CaseId);
        builder.Property(c => c.CaseId).HasMaxLength(36);
        builder.Property(c => c.PlaceJurisdictionCode).HasMaxLength(12);
        builder.Property(c => c.OriginJurisdictionCode).HasMaxLength(12);
        builder.Property(c => c.HolderJurisdictionCode).HasMaxLength(12);
        builder.Property(c => c.HolderUnit).HasMaxLength(100);
        // A jurisdiction's year is one range of this index (the codes below a city or province share its prefix).
        builder.HasIndex(c => new { c.Year, c.PlaceJurisdictionCode });
    }
}

internal sealed class DeductionFactConfiguration : IEntityTypeConfiguration<DeductionFact>
{
    public void Configure(EntityTypeBuilder<DeductionFact> builder)
    {
        builder.ToTable("deduction_facts").HasKey(d => d.Id);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.CaseId).HasMaxLength(36);
        builder.Property(d => d.ExposureId).HasMaxLength(36);
        builder.Property(d => d.PlaceJurisdictionCode).HasMaxLength(12);
        builder.Property(d => d.HolderJurisdictionCode).HasMaxLength(12);
        builder.Property(d => d.HolderUnit).HasMaxLength(100);
        builder.Property(d => d.ReturnerJurisdictionCode).HasMaxLength(12);
        builder.Property(d => d.ReturnerUnit).HasMaxLength(100);
        builder.Property(d => d.Cause).HasMaxLength(200);
        builder.Property(d => d.ExemptionReason).HasMaxLength(2000);
        // The sheets read a jurisdiction's year by place, the deductions list by the party charged: one range each.
        builder.HasIndex(d => new { d.Year, d.PlaceJurisdictionCode });
        builder.HasIndex(d => new { d.Year, d.HolderJurisdictionCode });
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeductionFactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeductionEventRefConfiguration : IEntityTypeConfiguration<DeductionEventRef>
{
    public void Configure(EntityTypeBuilder<DeductionEventRef> builder)
    {
        builder.ToTable("deduction_events").HasKey(e => e.Id);
        builder.Property(e => e.EventId).HasMaxLength(64);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.HasIndex(e => new { e.DeductionFactId, e.EventId }).IsUnique();
    }
}
