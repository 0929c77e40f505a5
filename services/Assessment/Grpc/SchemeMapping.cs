using Ducha.Contracts.Assessment.V1;
using Google.Protobuf.WellKnownTypes;
using Model = Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Grpc;

/// <summary>Schemes and their content between the wire and the domain; enum numbers match on both sides.</summary>
internal static class SchemeMapping
{
    public static Scheme ToContract(this Model.Scheme s) => new()
    {
        Id = s.Id,
        JurisdictionCode = s.JurisdictionCode,
        Year = s.Year,
        Audience = (Audience)s.Audience,
        State = (SchemeState)s.Standing,
        Content = s.Content.ToContract(),
        CopiedFromSchemeId = s.CopiedFromSchemeId ?? "",
        CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
        InForceAt = s.InForceAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        SupersededBySchemeId = s.SupersededBySchemeId ?? "",
        Revision = s.Revision,
    };

    public static SchemeContent ToContract(this Model.SchemeContent c)
    {
        var reply = new SchemeContent { Title = c.Title, Example = c.Example, DeductionCap = c.DeductionCap, RankingOrder = (RankingOrder)c.RankingOrder };
        reply.Programmes.AddRange(c.Programmes.Select(p =>
        {
            var programme = new Programme { Code = p.Code, Name = p.Name, LeadDepartment = p.LeadDepartment, Weight = p.Weight };
            programme.PartnerDepartments.AddRange(p.PartnerDepartments);
            programme.Indicators.AddRange(p.Indicators.Select(i =>
            {
                var indicator = new Indicator
                {
                    Code = i.Code, Name = i.Name, Kind = (IndicatorKind)i.Kind, Unit = i.Unit, Direction = (Direction)i.Direction, BaselineYear = i.BaselineYear,
                    TargetForm = (TargetForm)i.TargetForm, Target = i.Target, Points = i.Points,
                };
                if (i.BaselineValue is { } baseline) indicator.BaselineValue = baseline;
                return indicator;
            }));
            return programme;
        }));
        reply.DeductionRules.AddRange(c.DeductionRules.Select(r => new DeductionRule
        {
            Kind = (DeductionKind)r.Kind, Name = r.Name, Points = r.Points, Cap = r.Cap, Charged = (ChargedParty)r.Charged,
        }));
        reply.Bands.AddRange(c.Bands.Select(b => new RatingBand { Rating = (Rating)b.Rating, MinTotal = b.MinTotal }));
        return reply;
    }

    /// <summary>The content as the caller wrote it, undefined enum numbers included: the domain's rules name what is wrong.</summary>
    public static Model.SchemeContent ToModel(this SchemeContent c) => new(
        c.Title,
        c.Example,
        [.. c.Programmes.Select(p => new Model.ProgrammeSpec(p.Code, p.Name, p.LeadDepartment, [.. p.PartnerDepartments], p.Weight,
            [.. p.Indicators.Select(i => new Model.IndicatorSpec(i.Code, i.Name, (Model.IndicatorKind)i.Kind, i.Unit, (Model.Direction)i.Direction, i.BaselineYear,
                i.HasBaselineValue ? i.BaselineValue : null, (Model.TargetForm)i.TargetForm, i.Target, i.Points))]))],
        [.. c.DeductionRules.Select(r => new Model.DeductionRule((Model.DeductionKind)r.Kind, r.Name, r.Points, r.Cap, (Model.ChargedParty)r.Charged))],
        c.DeductionCap,
        [.. c.Bands.Select(b => new Model.RatingBand((Model.Rating)b.Rating, b.MinTotal))],
        (Model.RankingOrder)c.RankingOrder);
}
