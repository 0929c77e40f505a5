using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Ducha.Cases.Application;
using Ducha.Reference.Jurisdictions;
using Ducha.Contracts.Cases.V1;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>Request checks for the cases API: every violation is named with its field before anything changes.</summary>
internal static class CaseRequests
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    /// <summary>
    /// The complaint as the intake takes it. Only what is the wire's own is checked here (six-digit codes, enum numbers,
    /// date formats); what a complaint must say is <see cref="Domain.CaseIntakeRules"/>, checked with these in one answer.
    /// </summary>
    public static (Domain.CaseIntake Intake, Domain.ReporterIdentity? Reporter) ToIntake(this CreateCaseRequest request, JurisdictionTree tree)
    {
        var validator = new RequestValidator()
            .RequireJurisdictionCode(request.JurisdictionCode)
            .RequireDefined(request.Channel, "channel")
            .RequireDefined(request.PollutionType, "pollution_type")
            .OptionalDate(request.OriginalDeadline, "original_deadline", out var originalDeadline);
        // proto3 doubles have no presence: a coordinate left out reads 0, and 0 lies in no Chinese province, so 0 is "not given".
        double? Given(double? degrees) => degrees is 0 ? null : degrees;
        var intake = new Domain.CaseIntake(request.JurisdictionCode, request.Address, Given(request.Coordinates?.Latitude), Given(request.Coordinates?.Longitude),
            request.Polluter, (Ducha.BuildingBlocks.PollutionType)request.PollutionType, request.Description, (Domain.Channel)request.Channel,
            request.CentralInspection, originalDeadline, request.IdempotencyKey,
            [.. request.Attachments.Select(a => new Domain.CaseAttachment(a.Name.Trim(), a.MediaType.Trim(), a.SizeBytes, a.Uri.Trim()))]);
        var identity = request.Reporter is { } r ? new Domain.ReporterIdentity(r.Name.Trim(), r.Phone.Trim(), r.Address.Trim()) : null;
        var refused = validator.Fields;
        // The wire's own refusal of a field stands alone; the intake's rules speak only of fields that could be read.
        validator.Add(Domain.CaseIntakeRules.Violations(intake, identity, tree).Where(v => !refused.Contains(v.Field)));
        validator.ThrowIfInvalid(CreateCaseRequest.Descriptor);
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

    public static (string Root, CaseFilter Filter, int PageSize, CasePageToken? After) ToFilter(this ListCasesRequest request,
        string callerJurisdictionCode)
    {
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? callerJurisdictionCode : request.JurisdictionCode;
        var validator = new RequestValidator()
            .RequireJurisdictionCode(root)
            .OptionalDate(request.ReceivedFrom, "received_from", out var from)
            .OptionalDate(request.ReceivedTo, "received_to", out var to);
        var filter = validator.Conditions(request.Status, request.Channel, request.PollutionType, request.OverdueOnly, request.MinRepeatCount,
            request.BuckPassingOnly, request.Text) with { ReceivedFrom = from, ReceivedTo = to };
        var paged = !string.IsNullOrEmpty(request.PageToken);
        var after = default(CasePageToken);
        validator
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize}")
            .Require(!paged || CasePageToken.TryParse(request.PageToken, out after), "page_token", "is not a token this service issued")
            .ThrowIfInvalid();
        return (root, filter, request.PageSize == 0 ? DefaultPageSize : request.PageSize, paged ? after : null);
    }

    public static (CaseFilter Filter, int PageSize, HeldCasePageToken? After) ToPage(this ListHeldCasesRequest request)
    {
        var validator = new RequestValidator();
        var filter = validator.Conditions(request.Status, request.Channel, request.PollutionType, request.OverdueOnly, request.MinRepeatCount,
            request.BuckPassingOnly, request.Text);
        var paged = !string.IsNullOrEmpty(request.PageToken);
        var after = default(HeldCasePageToken);
        validator
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize}")
            .Require(!paged || HeldCasePageToken.TryParse(request.PageToken, out after), "page_token", "is not a token this service issued")
            .ThrowIfInvalid();
        return (filter, request.PageSize == 0 ? DefaultPageSize : request.PageSize, paged ? after : null);
    }

    public static (string Root, DateOnly From, DateOnly To, Application.TrendInterval Interval) ToTrendQuery(this CountCasesOverTimeRequest request,
        string callerJurisdictionCode)
    {
        var root = string.IsNullOrEmpty(request.JurisdictionCode) ? callerJurisdictionCode : request.JurisdictionCode;
        var validator = new RequestValidator()
            .RequireJurisdictionCode(root)
            .RequireDefined(request.Interval, "interval")
            .Require(!string.IsNullOrEmpty(request.From), "from", "is required")
            .Require(!string.IsNullOrEmpty(request.To), "to", "is required")
            .OptionalDate(request.From, "from", out var from)
            .OptionalDate(request.To, "to", out var to);
        if (from is { } f && to is { } t)
        {
            var days = t.DayNumber - f.DayNumber;
            validator.Require(days >= 0, "to", "must not be before from");
            if (request.Interval == Contracts.Cases.V1.TrendInterval.Day)
                validator.Require(days < Application.CountCasesOverTime.MaxDays, "to", $"must be within {Application.CountCasesOverTime.MaxDays} days of from");
            else
                validator.Require(days < Application.CountCasesOverTime.MaxWeeks * 7 - 6, "to", $"must be within {Application.CountCasesOverTime.MaxWeeks} weeks of from");
        }
        validator.ThrowIfInvalid();
        return (root, from!.Value, to!.Value, request.Interval == Contracts.Cases.V1.TrendInterval.Day ? Application.TrendInterval.Day : Application.TrendInterval.Week);
    }

    /// <summary>The filters both lists take, checked the same way for both.</summary>
    private static CaseFilter Conditions(this RequestValidator validator, CaseStatus status, Channel channel, PollutionType pollutionType,
        bool overdueOnly, int minRepeatCount, bool buckPassingOnly, string text)
    {
        validator
            .Require(status == CaseStatus.Unspecified || Enum.IsDefined(status), "status", "is not a case status")
            .Require(channel == Channel.Unspecified || Enum.IsDefined(channel), "channel", "is not a channel")
            .Require(pollutionType == PollutionType.Unspecified || Enum.IsDefined(pollutionType), "pollution_type", "is not a pollution type")
            .Require(minRepeatCount >= 0, "min_repeat_count", "must not be negative")
            .OptionalText(text, "text", CaseFilter.MaxTextLength);
        return new CaseFilter(
            status == CaseStatus.Unspecified ? null : (Domain.CaseStatus)status,
            channel == Channel.Unspecified ? null : (Domain.Channel)channel,
            pollutionType == PollutionType.Unspecified ? null : (Ducha.BuildingBlocks.PollutionType)pollutionType,
            OverdueOnly: overdueOnly, MinRepeatCount: minRepeatCount, BuckPassingOnly: buckPassingOnly,
            Text: string.IsNullOrWhiteSpace(text) ? null : text.Trim());
    }

    public static List<PersonHeldAccountable> ToAccountablePeople(this RecordAccountabilityRequest request)
    {
        var validator = new RequestValidator().RequireText(request.CaseId, "case_id", 36);
        validator.Require(request.People.Count is >= 1 and <= 50, "people", "must list between 1 and 50 people");
        for (var i = 0; i < request.People.Count; i++)
        {
            var p = request.People[i];
            validator
                .RequireText(p.Name, $"people[{i}].name", 50)
                .RequireText(p.Position, $"people[{i}].position", 100)
                .RequireDefined(p.Rank, $"people[{i}].rank")
                .RequireDefined(p.Sanction, $"people[{i}].sanction")
                .Require(!p.FaultTolerated || !string.IsNullOrWhiteSpace(p.FaultToleranceReason), $"people[{i}].fault_tolerance_reason",
                    "is required when the person is exempted (容错)")
                .OptionalText(p.FaultToleranceReason, $"people[{i}].fault_tolerance_reason", 2000);
        }
        validator.ThrowIfInvalid();
        return [.. request.People.Select(p => new PersonHeldAccountable(p.Name.Trim(), p.Position.Trim(), (Domain.CadreRank)p.Rank, (Domain.Sanction)p.Sanction,
            p.FaultTolerated, Blank(p.FaultToleranceReason)))];
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
