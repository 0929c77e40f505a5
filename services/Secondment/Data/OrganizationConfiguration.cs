using System.Text.Json;
using Ducha.Secondment.Domain.Organization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ducha.Secondment.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<InspectionOrganization>
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options();

    public void Configure(EntityTypeBuilder<InspectionOrganization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.JurisdictionCode);
        builder.Property(o => o.JurisdictionCode).HasMaxLength(12);
        builder.Property(o => o.UpdatedBy).HasMaxLength(200);
        // Two offices replacing the same revision: the second save is refused (Aborted), not merged.
        builder.Property(o => o.Revision).IsConcurrencyToken();
        // Read and replaced whole, never queried inside: one document.
        builder.Property(o => o.Groups).HasConversion(g => Write(g), json => Read(json),
            new ValueComparer<IReadOnlyList<OrganizationGroup>>((a, b) => Write(a!) == Write(b!), g => StringComparer.Ordinal.GetHashCode(Write(g)), g => Read(Write(g))));
    }

    private static string Write(IReadOnlyList<OrganizationGroup> groups) => JsonSerializer.Serialize(groups, Json);

    private static List<OrganizationGroup> Read(string json) => JsonSerializer.Deserialize<List<OrganizationGroup>>(json, Json) ?? [];
}
