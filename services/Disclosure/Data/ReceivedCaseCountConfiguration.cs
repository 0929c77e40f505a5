using Ducha.Disclosure.Domain;

namespace Ducha.Disclosure.Data;

internal sealed class ReceivedCaseCountConfiguration : IEntityTypeConfiguration<ReceivedCaseCount>
{
    public void Configure(EntityTypeBuilder<ReceivedCaseCount> builder)
    {
        builder.ToTable("received_case_counts");
        builder.HasKey(c => c.JurisdictionCode);
        builder.Property(c => c.JurisdictionCode).HasMaxLength(12);
    }
}
