using Ducha.Assessment.Domain;

namespace Ducha.Assessment.Data;

internal sealed class AssessmentPlanConfiguration : IEntityTypeConfiguration<AssessmentPlan>
{
    public void Configure(EntityTypeBuilder<AssessmentPlan> builder)
    {
        builder.IsJurisdictionRecord("assessment_plans").HasIndex(p => new { p.JurisdictionCode, p.Year });
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Programme).HasMaxLength(200);
    }
}
