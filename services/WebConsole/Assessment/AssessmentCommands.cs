using System.Globalization;
using Ducha.Contracts.Assessment.V1;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;

namespace Ducha.WebConsole.Assessment;

/// <summary>
/// The assessment calls the 考核 forms make, with the signed-in person's token. A call is not tied to the browser's
/// request (a double click abandons the first, and what it started must still finish); the form's key goes to the
/// service as the idempotency key where the call takes one.
/// </summary>
public sealed class AssessmentCommands(ConsoleAssessmentClient assessment)
{
    public async Task<string> CreateFromExampleAsync(string jurisdictionCode, int year, CreateSchemeForm form)
    {
        var scheme = await assessment.CreateSchemeAsync(new CreateSchemeRequest
        {
            JurisdictionCode = jurisdictionCode, Year = year, Audience = IntakeChoices.Parse<Audience>(form.Audience), FromExample = true,
            IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return AssessmentPaths.Scheme(scheme.Id) + "?done=created";
    }

    public async Task<string> CopyAsync(string jurisdictionCode, int year, CopySchemeForm form)
    {
        var scheme = await assessment.CopySchemeAsync(new CopySchemeRequest
        {
            Id = form.SchemeId?.Trim() ?? "", JurisdictionCode = jurisdictionCode, Year = year, Audience = IntakeChoices.Parse<Audience>(form.Audience),
            IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return AssessmentPaths.Scheme(scheme.Id) + "?done=copied";
    }

    public async Task<string> PutInForceAsync(string id)
    {
        await assessment.PutSchemeInForceAsync(new PutSchemeInForceRequest { Id = id }, deadline: CallDeadline.ForCommand());
        return AssessmentPaths.Scheme(id) + "?done=in-force";
    }

    /// <summary>The draft's content as read with the form, its figures replaced by the form's, sent back with the revision read.</summary>
    public async Task<string> ReviseAsync(Scheme read, ReviseSchemeForm form, Func<string?, double> number)
    {
        var content = read.Content.Clone();
        var indicator = 0;
        for (var p = 0; p < content.Programmes.Count; p++)
        {
            content.Programmes[p].Weight = number(form.Programmes[p].Weight);
            foreach (var i in content.Programmes[p].Indicators) i.Points = number(form.Indicators[indicator++].Points);
        }
        for (var r = 0; r < content.DeductionRules.Count; r++)
            (content.DeductionRules[r].Points, content.DeductionRules[r].Cap) = (number(form.Rules[r].Points), number(form.Rules[r].Cap));
        content.DeductionCap = number(form.DeductionCap);
        for (var b = 0; b < content.Bands.Count; b++) content.Bands[b].MinTotal = number(form.Bands[b].MinTotal);
        await assessment.ReviseSchemeAsync(new ReviseSchemeRequest { Id = read.Id, Content = content, Revision = form.Revision }, deadline: CallDeadline.ForCommand());
        return AssessmentPaths.Scheme(read.Id) + "?done=revised";
    }

    public async Task<string> RecordMeasurementAsync(string jurisdictionCode, int year, MeasurementForm form, double value)
    {
        await assessment.RecordMeasurementAsync(new RecordMeasurementRequest
        {
            JurisdictionCode = jurisdictionCode, IndicatorCode = form.IndicatorCode?.Trim() ?? "", Year = year,
            Period = IntakeChoices.Parse<Period>(form.Period), Value = value, Source = form.Source?.Trim() ?? "", IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        // The indicator stays picked: the next value recorded is most often the same indicator's for another period.
        return AssessmentPaths.Indicators(jurisdictionCode, year) + "&done=recorded&indicator=" + Uri.EscapeDataString(form.IndicatorCode?.Trim() ?? "");
    }

    public async Task<string> VetoAsync(string jurisdictionCode, string? department, int year, VetoForm form)
    {
        await assessment.RecordVetoAsync(new RecordVetoRequest
        {
            JurisdictionCode = jurisdictionCode, Department = department ?? "", Year = year, Ground = IntakeChoices.Parse<VetoGround>(form.Ground),
            Evidence = form.Evidence?.Trim() ?? "", IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return Done(AssessmentPaths.Sheet(jurisdictionCode, year, department), "vetoed");
    }

    public async Task<string> WithdrawVetoAsync(string returnTo, WithdrawVetoForm form)
    {
        await assessment.WithdrawVetoAsync(new WithdrawVetoRequest { Id = form.VetoId?.Trim() ?? "", Reason = form.Reason?.Trim() ?? "" }, deadline: CallDeadline.ForCommand());
        return Done(returnTo, "withdrawn");
    }

    public async Task<string> FileDutyReportAsync(string jurisdictionCode, string? department, int year, DutyReportForm form)
    {
        await assessment.FileDutyReportAsync(new FileDutyReportRequest
        {
            JurisdictionCode = jurisdictionCode, Department = department ?? "", Year = year, Summary = form.Summary?.Trim() ?? "",
            IdempotencyKey = form.Key ?? "",
        }, deadline: CallDeadline.ForCommand());
        return AssessmentPaths.DeskFor(year) + "&done=duty-report";
    }

    public async Task<string> FreezeAsync(string jurisdictionCode, int year, Audience audience)
    {
        await assessment.FreezeResultsAsync(new FreezeResultsRequest { JurisdictionCode = jurisdictionCode, Year = year, Audience = audience },
            deadline: CallDeadline.ForCommand());
        return Done(AssessmentPaths.Rankings(year, audience), "frozen");
    }

    /// <summary>A figure as typed; NaN when it is none, which the form refuses before asking.</summary>
    public static double Parse(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value : double.NaN;

    private static string Done(string path, string done) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + done;
}
