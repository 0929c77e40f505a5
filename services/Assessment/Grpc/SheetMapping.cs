using Ducha.Assessment.Application.DutyReports;
using Ducha.Assessment.Application.Sheets;
using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Assessment.Domain.Sheets;

namespace Ducha.Assessment.Grpc;

/// <summary>Vetoes, duty reports, sheets and rankings on the wire: enums by value (the domain's match the .proto's), absent figures as unset.</summary>
internal static class SheetMapping
{
    public static Veto ToContract(this Domain.Vetoes.Veto v) => new()
    {
        Id = v.Id, JurisdictionCode = v.JurisdictionCode, Department = v.Department, Year = v.Year, Ground = (VetoGround)v.Ground, Evidence = v.Evidence,
        RecordedByJurisdictionCode = v.AssessorJurisdictionCode, RecordedAt = Timestamp.FromDateTimeOffset(v.RecordedAt), Withdrawn = v.Withdrawn,
        WithdrawalReason = v.WithdrawalReason ?? "", WithdrawnAt = v.WithdrawnAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    public static DutyReport ToContract(this Domain.DutyReports.DutyReport r) => new()
    {
        Id = r.Id, JurisdictionCode = r.JurisdictionCode, Department = r.Department, Year = r.Year, Summary = r.Summary,
        FiledAt = Timestamp.FromDateTimeOffset(r.FiledAt),
    };

    public static DutyReportList ToContract(this DutyReportListing listing)
    {
        var reply = new DutyReportList();
        reply.Filed.AddRange(listing.Filed.Select(r => r.ToContract()));
        reply.Missing.AddRange(listing.Missing.Select(p => new AssessedParty { JurisdictionCode = p.JurisdictionCode, Department = p.Department ?? "" }));
        return reply;
    }

    public static ScoreSheet ToContract(this PartySheet party)
    {
        var s = party.Sheet;
        var reply = new ScoreSheet
        {
            JurisdictionCode = s.JurisdictionCode, Department = s.Department ?? "", Year = s.Year, AssessorJurisdictionCode = s.AssessorJurisdictionCode,
            SchemeId = s.SchemeId, SchemeYear = s.SchemeYear, ExampleScheme = s.ExampleScheme, SpecialPoints = s.SpecialPoints,
            DeductionPoints = s.DeductionPoints, Total = s.Total, Rating = (Rating)s.Rating, RatingByTotal = (Rating)s.RatingByTotal,
            DutyReportFiled = s.DutyReportFiled, Frozen = party.Frozen, ComputedAt = Timestamp.FromDateTimeOffset(party.ComputedAt),
            Hash = party.Hash ?? "", PreviousHash = party.PreviousHash ?? "", Rank = party.Rank, RankedOf = party.RankedOf,
        };
        reply.Specials.AddRange(s.Specials.Select(ToContract));
        reply.Deductions.AddRange(s.Deductions.Select(ToContract));
        reply.Vetoes.AddRange(s.Vetoes.Select(ToContract));
        reply.Notes.AddRange(s.Notes);
        return reply;
    }

    public static Ranking ToContract(this LevelResults results)
    {
        var reply = new Ranking
        {
            JurisdictionCode = results.AssessorJurisdictionCode, Year = results.Year, Audience = (Audience)results.Audience, SchemeId = results.SchemeId,
            Order = (RankingOrder)results.Order, Frozen = results.Frozen, FrozenAt = results.FrozenAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            ChainHead = results.ChainHead ?? "",
        };
        reply.Parties.AddRange(results.Parties.Select(p => new RankedParty
        {
            Rank = p.Rank, JurisdictionCode = p.Sheet.JurisdictionCode, Department = p.Sheet.Department ?? "", Total = p.Sheet.Total,
            Rating = (Rating)p.Sheet.Rating, Vetoed = p.Sheet.Vetoed, SpecialPoints = p.Sheet.SpecialPoints, DeductionPoints = p.Sheet.DeductionPoints,
            RedLines = p.Sheet.RedLines,
        }));
        return reply;
    }

    public static ResultsVerification ToContract(this ResultsCheck check) =>
        new() { Valid = check.Valid, Sheets = check.Sheets, FirstBroken = check.FirstBroken ?? "" };

    private static SpecialScore ToContract(Model.SpecialScore s)
    {
        var reply = new SpecialScore { ProgrammeCode = s.ProgrammeCode, Name = s.Name, LeadDepartment = s.LeadDepartment, Weight = s.Weight, Points = s.Points };
        reply.Indicators.AddRange(s.Indicators.Select(i => new IndicatorScore
        {
            Code = i.Code, Name = i.Name, Kind = (IndicatorKind)i.Kind, Unit = i.Unit, Measured = i.Measured, Value = i.Value ?? 0,
            Period = i.Period is { } period ? (Period)period : Period.Unspecified, Source = i.Source ?? "", TargetValue = i.TargetValue ?? 0, Met = i.Met,
            Points = i.Points, MaxPoints = i.MaxPoints, HasLastYear = i.LastYearValue is not null, LastYearValue = i.LastYearValue ?? 0, RedLine = i.RedLine,
            BaselineValue = i.BaselineValue ?? 0,
        }));
        return reply;
    }

    private static DeductionTotal ToContract(Model.DeductionTotal t)
    {
        var reply = new DeductionTotal { Kind = (DeductionKind)t.Kind, Rule = t.Rule, PointsEach = t.PointsEach, Count = t.Count, Points = t.Points, Capped = t.Capped };
        reply.Deductions.AddRange(t.Deductions.Select(d =>
        {
            var deduction = new Deduction
            {
                Id = d.Id, Kind = (DeductionKind)d.Kind, Rule = d.Rule, Points = d.Points, CaseId = d.CaseId ?? "", ExposureId = d.ExposureId ?? "",
                ChargedJurisdictionCode = d.ChargedJurisdictionCode, ChargedDepartment = d.ChargedDepartment ?? "",
                OccurredAt = Timestamp.FromDateTimeOffset(d.OccurredAt), Exempted = d.Exempted, ExemptionReason = d.ExemptionReason ?? "", Cause = d.Cause,
            };
            deduction.Events.AddRange(d.Events.Select(e => new DeductionEvent { EventId = e.EventId, Type = e.Type, At = Timestamp.FromDateTimeOffset(e.At) }));
            return deduction;
        }));
        return reply;
    }

    private static Veto ToContract(Model.SheetVeto v) => new()
    {
        Id = v.Id, JurisdictionCode = v.JurisdictionCode, Department = v.Department ?? "", Year = v.Year, Ground = (VetoGround)v.Ground, Evidence = v.Evidence,
        RecordedByJurisdictionCode = v.RecordedByJurisdictionCode, RecordedAt = Timestamp.FromDateTimeOffset(v.RecordedAt),
    };
}
