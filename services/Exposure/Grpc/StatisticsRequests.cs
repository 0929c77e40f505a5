using Ducha.Contracts.Exposure.V1;
using PollutionType = Ducha.Contracts.Exposure.V1.PollutionType;
using Domain = Ducha.Exposure.Domain;

namespace Ducha.Exposure.Grpc;

/// <summary>Checks and mapping of the exposure statistics.</summary>
internal static class StatisticsRequests
{
    public static (DateOnly From, DateOnly To) Validate(GetExposureStatisticsRequest request)
    {
        var validator = new RequestValidator();
        if (!string.IsNullOrEmpty(request.JurisdictionCode)) validator.RequireJurisdictionCode(request.JurisdictionCode);
        validator
            .Require(!string.IsNullOrEmpty(request.From), "from", "is required")
            .OptionalDate(request.From, "from", out var from)
            .Require(!string.IsNullOrEmpty(request.To), "to", "is required")
            .OptionalDate(request.To, "to", out var to)
            .ThrowIfInvalid(GetExposureStatisticsRequest.Descriptor);
        return (from!.Value, to!.Value);
    }

    public static ExposureStatistics ToContract(this Domain.ExposureStatistics s, string root, DateOnly from, DateOnly to)
    {
        var reply = new ExposureStatistics { JurisdictionCode = root, From = from.ToWire(), To = to.ToWire(), Exposed = s.Exposed };
        reply.ByPollutionType.AddRange(s.ByPollutionType.Select(p => new PollutionTypeCount { PollutionType = (PollutionType)p.Key, Count = p.Value }));
        reply.ByPlace.AddRange(s.ByPlace.Select(p => new PlaceCount { JurisdictionCode = p.Key, Count = p.Value }));
        reply.ByMonth.AddRange(s.ByMonth.Select(p => new MonthCount { Month = p.Key, Count = p.Value }));
        // The domain's flag bits are the wire numbers shifted: bit n is SelectionReason n.
        reply.ByReason.AddRange(s.ByReason.Select(p => new ReasonCount { Reason = (SelectionReason)System.Numerics.BitOperations.Log2((uint)p.Key), Count = p.Value }));
        reply.FollowUps.AddRange(s.FollowUps.Select(t => new FollowUpTally
        {
            JurisdictionCode = t.JurisdictionCode, Due = t.Due, OnTime = t.OnTime, Late = t.Late, Overdue = t.Overdue, Pending = t.Pending, OnTimeRate = t.OnTimeRate,
        }));
        reply.Columns.AddRange(s.Columns.Select(c => new ColumnTally
        {
            ColumnId = c.Column.Id, JurisdictionCode = c.Column.JurisdictionCode, Name = c.Column.Name, Period = (RhythmPeriod)c.Column.Period,
            Periods = c.Periods, Met = c.Met, Missed = c.Missed, Aired = c.Aired, Minimum = c.Minimum,
        }));
        reply.AccountabilityByRank.AddRange(s.AccountabilityByRank.Select(r => new RankCount
        {
            Rank = (CadreRank)r.Rank, Sanctioned = r.Sanctioned, FaultTolerated = r.FaultTolerated,
        }));
        return reply;
    }
}
