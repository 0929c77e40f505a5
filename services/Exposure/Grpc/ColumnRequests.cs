using Ducha.Contracts.Exposure.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of column requests and of the compliance answer.</summary>
internal static class ColumnRequests
{
    public static Domain.RhythmChoice Validate(CreateColumnRequest request)
    {
        new RequestValidator()
            .RequireText(request.MediaOutletId, "media_outlet_id", 36)
            .RequireText(request.Name, "name", 100)
            .Require(request.AirDays.All(d => d != Weekday.Unspecified && System.Enum.IsDefined(d)), "air_days", "each must be WEEKDAY_MONDAY … WEEKDAY_SUNDAY")
            .Require(System.Enum.IsDefined(request.Period), "period", "must be RHYTHM_PERIOD_WEEK or RHYTHM_PERIOD_MONTH, or unset for the default")
            .Require(!request.HasMinimum || request.Minimum is >= 1 and <= 31, "minimum", "must be between 1 and 31")
            .OptionalDate(request.StartDate, "start_date", out var startDate)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid(CreateColumnRequest.Descriptor);
        return new Domain.RhythmChoice(
            request.AirDays.Count == 0 ? null : Domain.AirDaysExtensions.FromIsoNumbers(request.AirDays.Select(d => (int)d)),
            request.Period == RhythmPeriod.Unspecified ? null : (Domain.RhythmPeriod)request.Period,
            request.HasMinimum ? request.Minimum : null,
            startDate,
            request.HasCarriesFollowUps ? request.CarriesFollowUps : null,
            request.HolidaysLowerMinimum);
    }

    public static Column ToContract(this Domain.Column c)
    {
        var column = new Column
        {
            Id = c.Id,
            MediaOutletId = c.MediaOutletId,
            JurisdictionCode = c.JurisdictionCode,
            Name = c.Name,
            Period = (RhythmPeriod)c.Period,
            Minimum = c.Minimum,
            StartDate = c.StartDate.ToWire(),
            CarriesFollowUps = c.CarriesFollowUps,
            HolidaysLowerMinimum = c.HolidaysLowerMinimum,
            CreatedAt = Timestamp.FromDateTimeOffset(c.CreatedAt),
        };
        column.AirDays.AddRange(Domain.AirDaysExtensions.IsoNumbers(c.AirDays).Select(n => (Weekday)n));
        return column;
    }

    public static ColumnCompliance ToContract(this Domain.Column column, IReadOnlyList<Domain.PeriodCompliance> periods)
    {
        var answer = new ColumnCompliance { ColumnId = column.Id, Period = (RhythmPeriod)column.Period };
        answer.Periods.AddRange(periods.Select(p => new PeriodCompliance
        {
            StartDate = p.Start.ToWire(), EndDate = p.End.ToWire(), Minimum = p.Minimum, Planned = p.Planned, Aired = p.Aired, Short = p.ShortOfMinimum, Missed = p.Missed,
        }));
        return answer;
    }
}
