using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> builder)
    {
        // One draw per city and period, also when two requests draw at the same moment.
        builder.IsJurisdictionRecord("spot_checks").HasIndex(s => new { s.CityCode, s.Period }).IsUnique();
        builder.Property(s => s.CityCode).HasMaxLength(12);
        builder.Property(s => s.Period).IsReportingPeriod();
        builder.Property(s => s.Procedure).HasMaxLength(32);
        builder.Property(s => s.Seed).HasMaxLength(128);
        builder.Property(s => s.DrawnBy).HasMaxLength(200);
        builder.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SpotCheckId);
    }
}
