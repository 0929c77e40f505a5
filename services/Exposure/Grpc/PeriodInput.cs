using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

internal static class PeriodInput
{
    /// <summary>A reporting period as the wire writes it, <c>yyyy-MM</c>; missing or malformed is refused naming the field.</summary>
    public static RequestValidator RequirePeriod(this RequestValidator validator, string? text, string field, out Domain.ReportingPeriod period)
    {
        if (string.IsNullOrEmpty(text))
        {
            period = default;
            return validator.Require(false, field, "is required");
        }
        return validator.Require(Domain.ReportingPeriod.TryParse(text, out period), field, "must be a month in the form yyyy-MM, between 1900-01 and 2199-12");
    }
}
