using System.Globalization;
using Ducha.Contracts.Secondment.V1;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;

namespace Ducha.WebConsole.Secondment;

/// <summary>
/// The roster's calls — register, second, end, plan a rotation, grade — with the signed-in person's token. A call is not
/// tied to the browser's request (a double click abandons the first, and what it started must still finish); the form's
/// key goes to the service as the idempotency key where the call takes one.
/// </summary>
public sealed class CadreCommands(ConsoleSecondmentClient secondment)
{
    public async Task<string> RegisterAsync(CadreForm form)
    {
        var cadre = await secondment.CreateCadreAsync(new CreateCadreRequest
        {
            JurisdictionCode = form.JurisdictionCode?.Trim() ?? "", Name = form.Name?.Trim() ?? "", HomeUnit = form.HomeUnit?.Trim() ?? "",
            Rank = IntakeChoices.Parse<CadreRank>(form.Rank), Specialities = { SecondmentWords.Specialities(form.Specialities) },
            Subject = form.Subject?.Trim() ?? "", IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Roster, "registered") + "#cadre-" + cadre.Id;
    }

    public async Task<string> SecondAsync(string levelCode, SecondForm form)
    {
        await secondment.SecondAsync(new SecondRequest
        {
            CadreId = form.CadreId?.Trim() ?? "", JurisdictionCode = levelCode, Post = IntakeChoices.Parse<PostKind>(form.Post),
            PostName = form.PostName?.Trim() ?? "", StartDate = form.StartDate?.Trim() ?? "", EndDate = form.EndDate?.Trim() ?? "",
            IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Roster, "seconded");
    }

    public async Task<string> EndAsync(EndSecondmentForm form)
    {
        await secondment.EndSecondmentAsync(new EndSecondmentRequest { Id = form.SecondmentId?.Trim() ?? "", Reason = form.Reason?.Trim() ?? "" },
            deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Roster, "ended");
    }

    public async Task<string> PlanRotationAsync(RotationForm form)
    {
        await secondment.PlanRotationAsync(new PlanRotationRequest
        {
            Id = form.SecondmentId?.Trim() ?? "", SuccessorCadreId = form.SuccessorCadreId?.Trim() ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Roster, "rotation");
    }

    public async Task<string> EvaluateAsync(EvaluationForm form, int year)
    {
        await secondment.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            Id = form.SecondmentId?.Trim() ?? "", Year = year, Evaluator = IntakeChoices.Parse<Evaluator>(form.Evaluator),
            Grade = IntakeChoices.Parse<Grade>(form.Grade), Remarks = form.Remarks?.Trim() ?? "",
        }, deadline: CallDeadline.ForCommand());
        return SecondmentPaths.Done(SecondmentPaths.Assessments(year), "evaluated");
    }

    /// <summary>A whole number as typed; null when it is none, which the form refuses before asking.</summary>
    public static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
