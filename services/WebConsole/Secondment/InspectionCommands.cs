using Ducha.Contracts.Secondment.V1;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;

namespace Ducha.WebConsole.Secondment;

/// <summary>
/// The inspection's calls — its organization, supervision requests, the 双随机 registers and draws — with the signed-in
/// person's token; the form's key is the idempotency key where the call takes one.
/// </summary>
public sealed class InspectionCommands(ConsoleSecondmentClient secondment)
{
    public async Task<string> SetOrganizationAsync(string levelCode, OrganizationForm form)
    {
        var request = new SetOrganizationRequest { JurisdictionCode = levelCode, Revision = form.Revision };
        foreach (var rows in OrganizationText.Sent(form.Groups).Select(i => form.Groups[i]))
            request.Groups.Add(new Group
            {
                Kind = IntakeChoices.Parse<GroupKind>(rows.Kind), Duties = { OrganizationText.Duties(rows.Duties) },
                Members = { OrganizationText.ParseMembers(rows.Members) },
            });
        await secondment.SetOrganizationAsync(request, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Organization, "set");
    }

    public async Task<string> RequestSupervisionAsync(string levelCode, SupervisionForm form)
    {
        await secondment.RequestSupervisionAsync(new RequestSupervisionRequest
        {
            JurisdictionCode = levelCode, CaseId = form.CaseId?.Trim() ?? "", FromGroup = IntakeChoices.Parse<GroupKind>(form.FromGroup),
            Reason = IntakeChoices.Parse<SupervisionReason>(form.Reason), Details = form.Details?.Trim() ?? "", IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Supervision, "requested");
    }

    public async Task<string> ResolveSupervisionAsync(ResolveSupervisionForm form)
    {
        await secondment.ResolveSupervisionAsync(new ResolveSupervisionRequest
        {
            Id = form.RequestId?.Trim() ?? "", Outcome = form.Outcome?.Trim() ?? "", AccountabilityCarriedOut = form.Accountability,
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Supervision, "resolved");
    }

    public async Task<string> AddTargetAsync(TargetForm form)
    {
        await secondment.AddTargetAsync(new AddTargetRequest
        {
            JurisdictionCode = form.JurisdictionCode?.Trim() ?? "", Name = form.Name?.Trim() ?? "", PollutionType = form.PollutionType?.Trim() ?? "",
            Risk = IntakeChoices.Parse<RiskClass>(form.Risk), IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Registers, "target");
    }

    public async Task<string> AddInspectorAsync(string levelCode, InspectorForm form)
    {
        var request = new AddInspectorRequest { JurisdictionCode = levelCode, IdempotencyKey = form.Key ?? "" };
        if (form.CadreId is { Length: > 0 } cadre) request.CadreId = cadre.Trim();
        else (request.Name, request.Unit, request.HomeJurisdictionCode) = (form.Name?.Trim() ?? "", form.Unit?.Trim() ?? "", form.HomeJurisdictionCode?.Trim() ?? "");
        await secondment.AddInspectorAsync(request, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Registers, "inspector");
    }

    public async Task<string> MakeDrawAsync(string levelCode, DrawForm form, int targets, int teams, int teamSize)
    {
        var draw = await secondment.MakeDrawAsync(new MakeDrawRequest
        {
            JurisdictionCode = levelCode, Round = form.Round?.Trim() ?? "", Targets = targets, Teams = teams, TeamSize = teamSize,
            RedrawReason = form.RedrawReason?.Trim() ?? "", IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Draw(draw.Id), "drawn");
    }

    public async Task<string> RecordFindingAsync(string drawId, FindingForm form)
    {
        await secondment.RecordFindingAsync(new RecordFindingRequest
        {
            Id = drawId, TargetId = form.TargetId?.Trim() ?? "", Findings = form.Findings?.Trim() ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Draw(drawId), "finding");
    }

    public async Task<string> RevealAsync(string drawId)
    {
        await secondment.RevealDrawAsync(new RevealDrawRequest { Id = drawId }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Draw(drawId), "revealed");
    }
}
