using Ducha.Contracts.Secondment.V1;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Secondment.Domain;

namespace Ducha.Secondment.Grpc;

/// <summary>Request checks and contract mapping for the registers and draws.</summary>
internal static class DrawRequests
{
    // Generous but bounded: a draw loads its registers whole, and a round of hundreds of teams is no 双随机 inspection.
    private const int MaxCount = 1000;

    public static void Validate(AddTargetRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Name, "name", 200)
            .RequireText(request.PollutionType, "pollution_type", 50)
            .RequireDefined(request.Risk, "risk")
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();

    public static void Validate(AddInspectorRequest request)
    {
        var validator = new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).OptionalText(request.IdempotencyKey, "idempotency_key", 100);
        if (!string.IsNullOrEmpty(request.CadreId))
        {
            validator.RequireText(request.CadreId, "cadre_id", 36)
                .Require(request.Name.Length == 0 && request.Unit.Length == 0 && request.HomeJurisdictionCode.Length == 0, "cadre_id",
                    "a cadre's name, unit and home jurisdiction come from the cadre's record; leave name, unit and home_jurisdiction_code empty");
        }
        else
        {
            validator.RequireText(request.Name, "name", 50).RequireText(request.Unit, "unit", 200)
                .RequireJurisdictionCode(request.HomeJurisdictionCode, "home_jurisdiction_code");
        }

        validator.ThrowIfInvalid();
    }

    public static void ValidateList(string jurisdictionCode, int pageSize, string pageToken) =>
        new RequestValidator()
            .RequireJurisdictionCode(jurisdictionCode)
            .Require(pageSize is >= 0 and <= 500, "page_size", "must be between 0 and 500")
            .OptionalText(pageToken, "page_token", 200)
            .ThrowIfInvalid();

    public static void Validate(MakeDrawRequest request) =>
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Round, "round", 50)
            .Require(!request.Round.Any(char.IsControl), "round", "must not contain control characters")
            .Require(request.Targets is >= 1 and <= MaxCount, "targets", $"must be between 1 and {MaxCount}")
            .Require(request.Teams is >= 1 and <= MaxCount, "teams", $"must be between 1 and {MaxCount}")
            .Require(request.TeamSize is >= 1 and <= 20, "team_size", "must be between 1 and 20")
            .OptionalText(request.RedrawReason, "redraw_reason", 500)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .ThrowIfInvalid();

    public static void Validate(RecordFindingRequest request) =>
        new RequestValidator()
            .RequireText(request.Id, "id", 36)
            .RequireText(request.TargetId, "target_id", 36)
            .RequireText(request.Findings, "findings", 2000)
            .ThrowIfInvalid();

    public static InspectionTarget ToContract(this Domain.InspectionTarget t) => new()
    {
        Id = t.Id, JurisdictionCode = t.JurisdictionCode, Name = t.Name, PollutionType = t.PollutionType, Risk = (RiskClass)t.Risk,
    };

    public static Inspector ToContract(this Domain.Inspector i) => new()
    {
        Id = i.Id, JurisdictionCode = i.JurisdictionCode, CadreId = i.CadreId ?? "", Name = i.Name, Unit = i.Unit, HomeJurisdictionCode = i.HomeJurisdictionCode,
    };

    public static Draw ToContract(this Domain.Draw d, bool showPairs)
    {
        var draw = new Draw
        {
            Id = d.Id, JurisdictionCode = d.JurisdictionCode, Round = d.Round, Targets = d.Targets, Teams = d.Teams, TeamSize = d.TeamSize,
            Commitment = d.Commitment, DrawnAt = Timestamp.FromDateTimeOffset(d.DrawnAt), Revealed = d.Revealed,
            ReplacesDrawId = d.ReplacesDrawId ?? "", RedrawReason = d.RedrawReason ?? "", Procedure = d.Procedure,
        };
        if (d.Revealed)
        {
            draw.Seed = d.Seed;
            draw.InputsHash = d.InputsHash;
        }

        if (showPairs)
            draw.Pairs.AddRange(d.Pairs.Select(p =>
            {
                var pair = new DrawPair
                {
                    TargetId = p.TargetId, TargetName = p.TargetName, TargetJurisdictionCode = p.TargetJurisdictionCode, Risk = (RiskClass)p.Risk, Team = p.Team,
                    Findings = p.Findings ?? "",
                };
                pair.Inspectors.AddRange(p.Inspectors.Select(i => new Inspector
                {
                    Id = i.Id, JurisdictionCode = d.JurisdictionCode, CadreId = i.CadreId ?? "", Name = i.Name, Unit = i.Unit,
                    HomeJurisdictionCode = i.HomeJurisdictionCode,
                }));
                return pair;
            }));
        return draw;
    }
}
