using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal static class ReportingPeriodColumn
{
    /// <summary>A period is stored as people write it (<c>2024-09</c>): readable in the table and ordered as text.</summary>
    public static PropertyBuilder<ReportingPeriod> IsReportingPeriod(this PropertyBuilder<ReportingPeriod> property) =>
        property.HasConversion(p => p.ToString(), text => Read(text)).HasMaxLength(7);

    // The compiled model (eng/compiled-models.sh) keeps EF's "not set" value, the default period, as its text ("0000-00")
    // and reads it back through this conversion: it must come back as the default, though no row ever holds it.
    private static readonly string Unset = default(ReportingPeriod).ToString();

    internal static ReportingPeriod Read(string text) => text == Unset ? default : ReportingPeriod.Parse(text);
}
