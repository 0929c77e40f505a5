using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Data;

internal static class ReportingPeriodColumn
{
    /// <summary>A period is stored as people write it (<c>2024-09</c>): readable in the table and ordered as text.</summary>
    public static PropertyBuilder<ReportingPeriod> IsReportingPeriod(this PropertyBuilder<ReportingPeriod> property) =>
        property.HasConversion(p => p.ToString(), text => ReportingPeriod.Parse(text)).HasMaxLength(7);
}
