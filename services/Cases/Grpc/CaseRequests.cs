using Ducha.Cases.Application;
using Ducha.Cases.Confidentiality;
using Ducha.Contracts.Cases.V1;
using Ducha.ServiceDefaults.Errors;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>Request checks for the cases API: every violation is named with its field before anything changes.</summary>
internal static class CaseRequests
{
    public static (Domain.CaseIntake Intake, ReporterIdentity? Reporter) ToIntake(this CreateCaseRequest request)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireText(request.Address, "address", 500)
            .RequireText(request.Description, "description", 4000)
            .OptionalText(request.Polluter, "polluter", 200)
            .OptionalText(request.IdempotencyKey, "idempotency_key", 100)
            .RequireDefined(request.Channel, "channel")
            .RequireDefined(request.PollutionType, "pollution_type")
            .OptionalDate(request.OriginalDeadline, "original_deadline", out var originalDeadline)
            .Require(originalDeadline is null || request.CentralInspection, "original_deadline", "is only for central-inspection (legacy) cases")
            .Require(request.Attachments.Count <= 50, "attachments", "must be at most 50");
        if (request.Coordinates is { } at) validator.RequireCoordinates(request.JurisdictionCode, at);
        if (request.Reporter is { } reporter)
        {
            validator
                .RequireText(reporter.Name, "reporter.name", 50)
                .RequireText(reporter.Phone, "reporter.phone", 30)
                .OptionalText(reporter.Address, "reporter.address", 200);
        }
        for (var i = 0; i < request.Attachments.Count; i++)
        {
            var a = request.Attachments[i];
            validator
                .RequireText(a.Name, $"attachments[{i}].name", 200)
                .OptionalText(a.MediaType, $"attachments[{i}].media_type", 100)
                .Require(a.SizeBytes >= 0, $"attachments[{i}].size_bytes", "must not be negative")
                .RequireText(a.Uri, $"attachments[{i}].uri", 1000);
        }
        validator.ThrowIfInvalid();

        var intake = new Domain.CaseIntake(request.JurisdictionCode, request.Address, request.Coordinates?.Latitude, request.Coordinates?.Longitude,
            request.Polluter, (Domain.PollutionType)request.PollutionType, request.Description, (Domain.Channel)request.Channel,
            request.CentralInspection, originalDeadline, request.IdempotencyKey,
            [.. request.Attachments.Select(a => new Domain.CaseAttachment(a.Name.Trim(), a.MediaType.Trim(), a.SizeBytes, a.Uri.Trim()))]);
        var identity = request.Reporter is { } r ? new ReporterIdentity(r.Name.Trim(), r.Phone.Trim(), r.Address.Trim()) : null;
        return (intake, identity);
    }

    public static Domain.ReportDraft ToDraft(this ReportHandlingRequest request)
    {
        var validator = new RequestValidator()
            .RequireText(request.CaseId, "case_id", 36)
            .RequireText(request.Findings, "findings", 4000)
            .RequireText(request.Result, "result", 4000)
            .Require(request.Measures.Count <= 50, "measures", "must be at most 50");
        DateOnly? planDeadline = null;
        var phases = new List<Domain.PlanPhase>();
        if (request.Plan is { } plan)
        {
            validator
                .OptionalText(plan.Target, "plan.target", 1000)
                .OptionalText(plan.Measures, "plan.measures", 4000)
                .OptionalText(plan.ResponsibleUnit, "plan.responsible_unit", 100)
                .OptionalDate(plan.Deadline, "plan.deadline", out planDeadline)
                .Require(plan.Phases.Count <= 20, "plan.phases", "must be at most 20");
            for (var i = 0; i < plan.Phases.Count; i++)
            {
                var phase = plan.Phases[i];
                validator
                    .RequireText(phase.Description, $"plan.phases[{i}].description", 1000)
                    .OptionalDate(phase.Deadline, $"plan.phases[{i}].deadline", out var phaseDeadline)
                    .Require(!string.IsNullOrEmpty(phase.Deadline), $"plan.phases[{i}].deadline", "is required");
                if (phaseDeadline is { } due) phases.Add(new Domain.PlanPhase(phase.Description.Trim(), due));
            }
        }
        var measures = new List<Domain.MeasureDraft>();
        for (var i = 0; i < request.Measures.Count; i++)
        {
            var m = request.Measures[i];
            validator
                .RequireDefined(m.Kind, $"measures[{i}].kind")
                .RequireDefined(m.Scope, $"measures[{i}].scope")
                .RequireText(m.Description, $"measures[{i}].description", 2000)
                .OptionalText(m.Investigation, $"measures[{i}].investigation", 4000)
                .OptionalDate(m.VerificationDate, $"measures[{i}].verification_date", out var verification);
            measures.Add(new Domain.MeasureDraft((Domain.MeasureKind)m.Kind, (Domain.MeasureScope)m.Scope, m.Description.Trim(),
                Blank(m.Investigation), verification));
        }
        validator.ThrowIfInvalid();
        return new Domain.ReportDraft(request.Findings.Trim(), request.Result.Trim(), request.RectifiedNow, Blank(request.Plan?.Target),
            Blank(request.Plan?.Measures), planDeadline, Blank(request.Plan?.ResponsibleUnit), measures, request.TouchesLivelihood, phases);
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
