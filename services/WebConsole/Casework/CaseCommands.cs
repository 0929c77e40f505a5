using Ducha.Contracts.Cases.V1;
using Ducha.WebConsole.Calls;

namespace Ducha.WebConsole.Casework;

/// <summary>
/// The case's lifecycle, 督 and 问责 calls as the forms make them, with the signed-in person's token. A call is not tied to the
/// browser's request: a double click abandons the first request, and the step it started must still finish.
/// </summary>
public sealed class CaseCommands(ConsoleCasesClient cases)
{
    public Task AssignDownAsync(string caseId, AssignDownForm form, int workingDays)
    {
        var target = form.Target ?? string.Empty;
        var request = new AssignDownRequest { CaseId = caseId, WorkingDays = workingDays, Reason = form.Reason?.Trim() ?? string.Empty };
        if (target.StartsWith(AssignTargets.UnitPrefix, StringComparison.Ordinal)) request.HandlingUnit = target[AssignTargets.UnitPrefix.Length..];
        else request.ToJurisdictionCode = target.StartsWith(AssignTargets.OfficePrefix, StringComparison.Ordinal) ? target[AssignTargets.OfficePrefix.Length..] : target;
        return cases.AssignDownAsync(request, deadline: CallDeadline.ForCommand()).ResponseAsync;
    }

    public Task ReturnAsync(string caseId, ReturnForm form) =>
        cases.ReturnCaseAsync(new ReturnCaseRequest { CaseId = caseId, Reason = form.Reason?.Trim() ?? string.Empty }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    /// <summary>The filled phase and measure rows only, in the form's order: the service's phases[i] is the i-th of <paramref name="phases"/>.</summary>
    public Task ReportAsync(string caseId, ReportForm form, IReadOnlyList<int> phases, IReadOnlyList<int> measures)
    {
        var request = new ReportHandlingRequest
        {
            CaseId = caseId,
            Findings = form.Findings?.Trim() ?? string.Empty,
            Result = form.Result?.Trim() ?? string.Empty,
            RectifiedNow = form.RectifiedNow,
            TouchesLivelihood = form.TouchesLivelihood,
        };
        // A plan goes with the report when it is needed or was written; an empty one would only be refused field by field.
        if (!form.RectifiedNow || form.TouchesLivelihood || phases.Count > 0 || !string.IsNullOrWhiteSpace(form.PlanTarget))
        {
            request.Plan = new RectificationPlan
            {
                Target = form.PlanTarget?.Trim() ?? string.Empty,
                Measures = form.PlanMeasures?.Trim() ?? string.Empty,
                Deadline = form.PlanDeadline?.Trim() ?? string.Empty,
                ResponsibleUnit = form.PlanResponsibleUnit?.Trim() ?? string.Empty,
            };
            request.Plan.Phases.AddRange(phases.Select(i => form.Phases[i])
                .Select(p => new PlanPhase { Description = p.Description?.Trim() ?? string.Empty, Deadline = p.Deadline?.Trim() ?? string.Empty }));
        }
        request.Measures.AddRange(measures.Select(i => form.Measures[i]).Select(m => new Measure
        {
            Kind = OversightWords.Parse<MeasureKind>(m.Kind) ?? MeasureKind.Unspecified,
            Scope = OversightWords.Parse<MeasureScope>(m.Scope) ?? MeasureScope.Unspecified,
            Description = m.Description?.Trim() ?? string.Empty,
            Investigation = m.Investigation?.Trim() ?? string.Empty,
            VerificationDate = m.VerificationDate?.Trim() ?? string.Empty,
        }));
        return cases.ReportHandlingAsync(request, deadline: CallDeadline.ForCommand()).ResponseAsync;
    }

    public Task VerifyAsync(string caseId, VerifyForm form) =>
        cases.VerifyReportAsync(new VerifyReportRequest
        {
            CaseId = caseId,
            Accept = form.Decision != "sendback",
            Reason = form.Reason?.Trim() ?? string.Empty,
            Method = Enum.TryParse<VerificationMethod>(form.Method, out var method) && Enum.IsDefined(method) ? method : VerificationMethod.Unspecified,
        }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    public Task CloseAsync(string caseId, CloseForm form) =>
        cases.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = caseId,
            Attestations = new Attestations
            {
                CauseFound = form.CauseFound,
                RectificationDone = form.RectificationDone,
                ResponsibilityFixed = form.ResponsibilityFixed,
                PublicSatisfied = form.PublicSatisfied,
            },
            CallbackResult = Enum.TryParse<CallbackResult>(form.Callback, out var callback) && Enum.IsDefined(callback) ? callback : CallbackResult.Unspecified,
            CallbackNote = form.CallbackNote?.Trim() ?? string.Empty,
            OverrideReason = form.OverrideReason?.Trim() ?? string.Empty,
        }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    public Task SuperviseAsync(string caseId, SuperviseForm form) =>
        cases.SuperviseAsync(new SuperviseRequest
        {
            CaseId = caseId,
            Kind = OversightWords.Parse<SupervisionKind>(form.Kind) ?? SupervisionKind.Unspecified,
            Leader = form.Leader?.Trim() ?? string.Empty,
            Note = form.Note?.Trim() ?? string.Empty,
        }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    public Task CheckStopAsync(string caseId, StopCheckForm form, int measureNumber) =>
        cases.VerifyStopMeasureAsync(new VerifyStopMeasureRequest { CaseId = caseId, MeasureNumber = measureNumber, Finding = form.Finding?.Trim() ?? string.Empty },
            deadline: CallDeadline.ForCommand()).ResponseAsync;

    /// <summary>The filled rows only, in the form's order; the service's people[i] is the i-th of <paramref name="rows"/>.</summary>
    public Task RecordAccountabilityAsync(string caseId, AccountabilityForm form, IReadOnlyList<int> rows)
    {
        var request = new RecordAccountabilityRequest { CaseId = caseId };
        request.People.AddRange(rows.Select(i => form.People[i]).Select(p => new AccountablePerson
        {
            Name = p.Name?.Trim() ?? string.Empty,
            Position = p.Position?.Trim() ?? string.Empty,
            Rank = OversightWords.Parse<CadreRank>(p.Rank) ?? CadreRank.Unspecified,
            Sanction = OversightWords.Parse<Sanction>(p.Sanction) ?? Sanction.Unspecified,
            FaultTolerated = p.FaultTolerated,
            FaultToleranceReason = p.FaultToleranceReason?.Trim() ?? string.Empty,
        }));
        return cases.RecordAccountabilityAsync(request, deadline: CallDeadline.ForCommand()).ResponseAsync;
    }

    public Task ReferClueAsync(string caseId, ClueForm form) =>
        cases.ReferClueAsync(new ReferClueRequest { CaseId = caseId, Summary = form.Summary?.Trim() ?? string.Empty }, deadline: CallDeadline.ForCommand()).ResponseAsync;
}

/// <summary>How the assign form names its choices: an office below by code, a unit of the register by name.</summary>
public static class AssignTargets
{
    public const string OfficePrefix = "office:", UnitPrefix = "unit:";
}
