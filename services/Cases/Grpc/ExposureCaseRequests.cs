using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Grpc;

public static class ExposureCaseRequests
{
    public static Application.ExposureCaseOrder ToOrder(this OpenExposureCaseRequest request, JurisdictionTree tree)
    {
        var validator = new RequestValidator()
            .RequireText(request.ExposureId, "exposure_id", 36)
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireDefined(request.PollutionType, "pollution_type")
            .RequireInstant(request.AiredAt, "aired_at", out var airedAt)
            .OptionalText(request.HandlingUnit, "handling_unit", 100)
            .Require(request.FollowUpWorkingDays is > 0 and <= 60, "follow_up_working_days", "must be between 1 and 60")
            .OptionalDate(request.FollowUpDeadline, "follow_up_deadline", out var deadline)
            .Require(!string.IsNullOrEmpty(request.FollowUpDeadline), "follow_up_deadline", "is required")
            .RequireText(request.ClueSummary, "clue_summary", 4000)
            .Require(request.Attachments.Count <= 50, "attachments", "must be at most 50");
        if (airedAt is { } aired && deadline is { } due)
            validator.Require(due > BeijingTime.DateOf(aired), "follow_up_deadline", "must be after the airing date");
        var unit = string.IsNullOrWhiteSpace(request.HandlingUnit) ? null : request.HandlingUnit.Trim();
        var owner = new Domain.CaseParty(request.ToJurisdictionCode.Trim(), unit);
        validator.Require(unit is not null || !string.IsNullOrEmpty(request.ToJurisdictionCode), "to_jurisdiction_code", "is required without handling_unit");
        var intake = new Domain.CaseIntake(request.JurisdictionCode, request.Address, null, null, request.Polluter,
            (Ducha.BuildingBlocks.PollutionType)request.PollutionType, request.Description, Domain.Channel.MediaExposure, false, null, null,
            [.. request.Attachments.Select(a => new Domain.CaseAttachment(a.Name.Trim(), a.MediaType.Trim(), a.SizeBytes, a.Uri.Trim()))]);
        var refused = validator.Fields;
        validator.Add(Domain.CaseIntakeRules.Violations(intake, null, tree).Where(v => !refused.Contains(v.Field)));
        validator.ThrowIfInvalid(OpenExposureCaseRequest.Descriptor);
        return new Application.ExposureCaseOrder(request.ExposureId.Trim(), intake, airedAt!.Value, owner, request.FollowUpWorkingDays, deadline!.Value,
            request.ClueSummary.Trim());
    }
}
