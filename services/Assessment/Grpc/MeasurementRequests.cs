using Ducha.Assessment.Application;
using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Assessment.Domain.Measurements;

namespace Ducha.Assessment.Grpc;

/// <summary>Checks and mapping of measured values.</summary>
internal static class MeasurementRequests
{
    public static void Validate(RecordMeasurementRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.IndicatorCode, "indicator_code", Model.Measurement.MaxIndicatorCode)
            .Require(request.Year is >= Model.Measurement.EarliestYear and <= Model.Measurement.LatestYear, "year",
                $"must be between {Model.Measurement.EarliestYear} and {Model.Measurement.LatestYear}")
            .RequireDefined(request.Period, "period")
            .Require(double.IsFinite(request.Value), "value", "must be a finite number")
            .RequireText(request.Source, "source", Model.Measurement.MaxSource)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(RecordMeasurementRequest.Descriptor);

    public static (int PageSize, YearPageToken? After) Validate(ListMeasurementsRequest request)
    {
        const int max = Application.Measurements.ListMeasurements.MaxPageSize;
        YearPageToken? after = null;
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Require(request.Year == 0 || request.Year is >= Model.Measurement.EarliestYear and <= Model.Measurement.LatestYear, "year",
                $"must be between {Model.Measurement.EarliestYear} and {Model.Measurement.LatestYear}, or 0 for every year")
            .Require(request.PageSize is >= 0 and <= max, "page_size",
                $"must be between 1 and {max} (0 for {Application.Measurements.ListMeasurements.DefaultPageSize})");
        if (request.PageToken.Length > 0)
            validator.Require(YearPageToken.TryParse(request.PageToken, YearPageToken.Measurements, out var token) && (after = token) is not null, "page_token",
                "is not a token this list gave");
        validator.ThrowIfInvalid(ListMeasurementsRequest.Descriptor);
        return (request.PageSize == 0 ? Application.Measurements.ListMeasurements.DefaultPageSize : request.PageSize, after);
    }

    public static Measurement ToContract(this Model.Measurement m) => new()
    {
        Id = m.Id,
        JurisdictionCode = m.JurisdictionCode,
        IndicatorCode = m.IndicatorCode,
        Year = m.Year,
        Period = (Period)m.Period,
        Value = m.Value,
        Source = m.Source,
        RecordedByJurisdictionCode = m.RecordedByJurisdictionCode,
        RecordedAt = Timestamp.FromDateTimeOffset(m.RecordedAt),
        Current = m.Current,
    };
}
