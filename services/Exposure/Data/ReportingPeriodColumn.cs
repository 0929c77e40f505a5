using Ducha.Exposure.Domain;
using Ducha.Persistence;

namespace Ducha.Exposure.Data;

internal static class ReportingPeriodColumn
{
    /// <summary>A period is stored as people write it (<c>2024-09</c>): readable in the table and ordered as text.</summary>
    public static PropertyBuilder<ReportingPeriod> IsReportingPeriod(this PropertyBuilder<ReportingPeriod> property) =>
        property.HasConversion(p => p.ToString(), text => Read(text)).HasMaxLength(7);

    // Called by the compiled model's generated code (eng/compiled-models.sh).
    internal static ReportingPeriod Read(string text) => StoredText.Read(text, ReportingPeriod.Parse);
}
