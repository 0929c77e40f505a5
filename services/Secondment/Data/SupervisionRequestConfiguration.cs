using Ducha.Secondment.Domain.Supervision;

namespace Ducha.Secondment.Data;

internal sealed class SupervisionRequestConfiguration : IEntityTypeConfiguration<SupervisionRequest>
{
    public void Configure(EntityTypeBuilder<SupervisionRequest> builder)
    {
        // The level's list: open first, by deadline.
        builder.IsJurisdictionRecord("supervision_requests").HasIndex(r => new { r.JurisdictionCode, r.State, r.Deadline });
        builder.Property(r => r.CaseId).HasMaxLength(36);
        builder.Property(r => r.FromGroup).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Details).HasMaxLength(2000);
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.Property(r => r.RequestedBy).HasMaxLength(200);
        builder.Property(r => r.ResolvedBy).HasMaxLength(200);
        // Two resolutions at once: the second save is refused rather than overwriting the first outcome.
        builder.Property(r => r.ResolvedAt).IsConcurrencyToken();
    }
}
