using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Data;

internal sealed class CadreEvaluationConfiguration : IEntityTypeConfiguration<CadreEvaluation>
{
    public void Configure(EntityTypeBuilder<CadreEvaluation> builder)
    {
        builder.ToTable("evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(36);
        builder.Property(e => e.SecondmentId).HasMaxLength(36);
        // One grade per evaluator and year: a second would leave two records behind one assessment.
        builder.HasIndex(e => new { e.SecondmentId, e.Year, e.Evaluator }).IsUnique();
        builder.Property(e => e.Evaluator).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Grade).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Remarks).HasMaxLength(2000);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
    }
}
