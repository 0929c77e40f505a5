using Ducha.Contracts.Assessment.V1;
using Model = Ducha.Assessment.Domain.Sheets;
using Schemes = Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Grpc;

/// <summary>Checks of the requests about vetoes, duty reports, sheets and rankings, naming each field as the .proto does.</summary>
internal static class SheetRequests
{
    public const int FirstYear = 2017, LastYear = 2100, MaxDepartment = 100, MaxKey = 100;

    public static (Model.AssessedParty Party, Schemes.VetoGround Ground) Validate(RecordVetoRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Department(request.Department)
            .Year(request.Year)
            .RequireDefined(request.Ground, "ground")
            .RequireText(request.Evidence, "evidence", Domain.Vetoes.Veto.MaxEvidence)
            .OptionalText(request.IdempotencyKey, "idempotency_key", MaxKey)
            .ThrowIfInvalid(RecordVetoRequest.Descriptor);
        return (Party(request.JurisdictionCode, request.Department), (Schemes.VetoGround)request.Ground);
    }

    public static void Validate(WithdrawVetoRequest request) =>
        new RequestValidator().RequireText(request.Id, "id", 36).RequireText(request.Reason, "reason", Domain.Vetoes.Veto.MaxReason)
            .ThrowIfInvalid(WithdrawVetoRequest.Descriptor);

    public static void Validate(ListVetoesRequest request) =>
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).Year(request.Year).ThrowIfInvalid(ListVetoesRequest.Descriptor);

    public static void Validate(ListSecondedCadresRequest request) =>
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).Year(request.Year).ThrowIfInvalid(ListSecondedCadresRequest.Descriptor);

    public static Model.AssessedParty Validate(FileDutyReportRequest request)
    {
        new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .Department(request.Department)
            .Year(request.Year)
            .RequireText(request.Summary, "summary", Domain.DutyReports.DutyReport.MaxSummary)
            .OptionalText(request.IdempotencyKey, "idempotency_key", MaxKey)
            .ThrowIfInvalid(FileDutyReportRequest.Descriptor);
        return Party(request.JurisdictionCode, request.Department);
    }

    public static Schemes.Audience Validate(ListDutyReportsRequest request) =>
        Level(request.JurisdictionCode, request.Year, request.Audience, ListDutyReportsRequest.Descriptor);

    public static Model.AssessedParty Validate(GetScoreSheetRequest request)
    {
        new RequestValidator().RequireJurisdictionCode(request.JurisdictionCode).Year(request.Year).Department(request.Department)
            .ThrowIfInvalid(GetScoreSheetRequest.Descriptor);
        return Party(request.JurisdictionCode, request.Department);
    }

    public static Schemes.Audience Validate(ListRankingsRequest request) =>
        Level(request.JurisdictionCode, request.Year, request.Audience, ListRankingsRequest.Descriptor);

    public static Schemes.Audience Validate(FreezeResultsRequest request) =>
        Level(request.JurisdictionCode, request.Year, request.Audience, FreezeResultsRequest.Descriptor);

    public static Schemes.Audience Validate(VerifyResultsRequest request) =>
        Level(request.JurisdictionCode, request.Year, request.Audience, VerifyResultsRequest.Descriptor);

    /// <summary>An assessing level, a year and an audience; an unset audience is the level's subordinates.</summary>
    private static Schemes.Audience Level(string code, int year, Audience audience, Google.Protobuf.Reflection.MessageDescriptor descriptor)
    {
        new RequestValidator().RequireJurisdictionCode(code).Year(year)
            .Require(System.Enum.IsDefined(audience), "audience", RequestValidator.OneOf(RequestValidator.WireNames<Audience>()) + ", or unset for AUDIENCE_SUBORDINATES")
            .ThrowIfInvalid(descriptor);
        return audience == Audience.Unspecified ? Schemes.Audience.Subordinates : (Schemes.Audience)audience;
    }

    private static Model.AssessedParty Party(string code, string department) =>
        new(code, string.IsNullOrWhiteSpace(department) ? null : department.Trim());

    private static RequestValidator Year(this RequestValidator validator, int year) =>
        validator.Require(year is >= FirstYear and <= LastYear, "year", $"must be between {FirstYear} and {LastYear}");

    private static RequestValidator Department(this RequestValidator validator, string department) =>
        validator.OptionalText(department, "department", MaxDepartment)
            .Require(!department.Any(char.IsControl), "department", "must not hold control characters");
}
