using Ducha.Disclosure.Domain.AssessmentResults;

namespace Ducha.Disclosure.Data;

internal sealed class PublishedAssessmentResultsConfiguration : IEntityTypeConfiguration<PublishedAssessmentResults>
{
    public void Configure(EntityTypeBuilder<PublishedAssessmentResults> builder)
    {
        builder.ToTable("published_assessment_results").HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(36);
        // Results are frozen once per level, year and audience: a redelivered event finds them published.
        builder.HasIndex(r => new { r.AssessorJurisdictionCode, r.Year, r.Audience }).IsUnique();
        builder.Property(r => r.AssessorJurisdictionCode).HasMaxLength(12);
        builder.Property(r => r.Audience).HasMaxLength(16);
        builder.Property(r => r.SchemeId).HasMaxLength(36);
        builder.Property(r => r.ChainHead).HasMaxLength(64);
        builder.Ignore(r => r.Parties);
    }
}
