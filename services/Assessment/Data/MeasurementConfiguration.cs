using Ducha.Assessment.Domain.Measurements;

namespace Ducha.Assessment.Data;

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        // A jurisdiction's list, newest year first, and the sheets' current values read this index.
        builder.IsJurisdictionRecord("measurements").HasIndex(m => new { m.JurisdictionCode, m.Year });
        // One current value per jurisdiction, indicator, year and period: two recordings at once cannot both stay current.
        // Current is a column of the key so that the save which retires the old value writes that before the new one.
        builder.HasIndex(m => new { m.JurisdictionCode, m.IndicatorCode, m.Year, m.Period, m.Current }, "IX_measurements_current").IsUnique().HasFilter("\"Current\"");
        builder.Property(m => m.IndicatorCode).HasMaxLength(Measurement.MaxIndicatorCode);
        builder.Property(m => m.Period).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Source).HasMaxLength(Measurement.MaxSource);
        builder.Property(m => m.RecordedByJurisdictionCode).HasMaxLength(12);
    }
}
