using Ducha.Assessment.Domain.Schemes;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Ducha.Assessment.Data;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> builder)
    {
        // A jurisdiction's list and the scheme in force for a year both read this index.
        builder.IsJurisdictionRecord("schemes").HasIndex(s => new { s.JurisdictionCode, s.Audience, s.Year });
        // One scheme in force per jurisdiction, audience and year: two offices putting drafts in force at once meet here.
        builder.HasIndex(s => new { s.JurisdictionCode, s.Audience, s.Year }, "IX_schemes_in_force").IsUnique().HasFilter("\"State\" = 'InForce'");
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CopiedFromSchemeId).HasMaxLength(36);
        builder.Property(s => s.SupersededBySchemeId).HasMaxLength(36);
        // Two revisions from the same one, or two later years superseding the same scheme: the second save is refused.
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.Property(s => s.SupersededBySchemeId).IsConcurrencyToken();
        builder.Property(s => s.Content).HasConversion(c => SchemeContentJson.Write(c), json => SchemeContentJson.Read(json),
            new ValueComparer<SchemeContent>((a, b) => SchemeContentJson.Write(a!) == SchemeContentJson.Write(b!),
                c => StringComparer.Ordinal.GetHashCode(SchemeContentJson.Write(c)), c => SchemeContentJson.Read(SchemeContentJson.Write(c))));
        builder.Ignore(s => s.Standing);
    }
}
