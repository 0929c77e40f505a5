using Ducha.Secondment.Domain.Organization;

namespace Ducha.Secondment.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<InspectionOrganization>
{
    public void Configure(EntityTypeBuilder<InspectionOrganization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.JurisdictionCode);
        builder.Property(o => o.JurisdictionCode).HasMaxLength(12);
        builder.Property(o => o.UpdatedBy).HasMaxLength(200);
        // Two offices replacing the same revision: the second save is refused (Aborted), not merged.
        builder.Property(o => o.Revision).IsConcurrencyToken();
        // Read and replaced whole, never queried inside: one document.
        builder.Property(o => o.Groups).AsJsonDocument();
    }
}
