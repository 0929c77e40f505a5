using System.Globalization;
using Ducha.Contracts.Exposure.V1;
using Ducha.Reference.Calendar;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;
using Google.Protobuf.WellKnownTypes;
using PollutionType = Ducha.Contracts.Exposure.V1.PollutionType;

namespace Ducha.WebConsole.Exposure;

/// <summary>
/// The exposure calls the 曝光 forms make, with the signed-in person's token. Like the case page's, a call is not tied to
/// the browser's request: a double click abandons the first request, and what it started must still finish. The form's
/// key also goes to the service as the idempotency key where the call takes one.
/// </summary>
public sealed class ExposureCommands(ConsoleExposureClient exposure)
{
    public Task ProposeAsync(string columnId, ProposeForm form)
    {
        var request = new ProposeExposureRequest
        {
            ColumnId = columnId,
            PlaceJurisdictionCode = Text(form.Place),
            Address = Text(form.Address),
            Polluter = Text(form.Polluter),
            PollutionType = IntakeChoices.Parse<PollutionType>(form.PollutionType),
            Description = Text(form.Description),
            ExistingCaseId = Text(form.ExistingCaseId),
            ResponsibleUnit = Text(form.ResponsibleUnit),
            IdempotencyKey = Text(form.Key),
        };
        foreach (var (ticked, reason) in new[]
                 {
                     (form.SensitiveArea, SelectionReason.SensitiveArea), (form.ProminentProblem, SelectionReason.ProminentProblem),
                     (form.SlowProgress, SelectionReason.SlowProgress), (form.ManyComplaints, SelectionReason.ManyComplaints),
                     (form.UndercoverVisit, SelectionReason.UndercoverVisit),
                 })
            if (ticked) request.Reasons.Add(reason);
        return exposure.ProposeExposureAsync(request, deadline: CallDeadline.ForCommand()).ResponseAsync;
    }

    /// <summary>
    /// Registers the outlet (or finds the one registered before under the same name and kind: its idempotency key is made
    /// of them) and opens the column on it, so a column refused after its outlet was filed leaves no second outlet behind.
    /// </summary>
    public async Task CreateColumnAsync(string jurisdictionCode, ColumnForm form, int? minimum)
    {
        var kind = IntakeChoices.Parse<MediaKind>(form.OutletKind);
        var outletName = Text(form.OutletName);
        var outlet = await exposure.CreateMediaOutletAsync(new CreateMediaOutletRequest
        {
            JurisdictionCode = jurisdictionCode, Name = outletName, Kind = kind, ColumnName = Text(form.Name),
            IdempotencyKey = $"console-outlet-{jurisdictionCode}-{kind}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(outletName)))[..32]}",
        }, deadline: CallDeadline.ForCommand());
        var request = new CreateColumnRequest
        {
            MediaOutletId = outlet.Id, Name = Text(form.Name), AirDays = { form.AirDays }, Period = IntakeChoices.Parse<RhythmPeriod>(form.Period),
            HolidaysLowerMinimum = form.HolidaysLowerMinimum, IdempotencyKey = Text(form.Key),
        };
        if (minimum is { } min) request.Minimum = min;
        await exposure.CreateColumnAsync(request, deadline: CallDeadline.ForCommand());
    }

    public Task ScheduleAsync(string columnId, ScheduleForm form) =>
        exposure.ScheduleProgrammeAsync(new ScheduleProgrammeRequest
        {
            ColumnId = columnId, AirDate = Text(form.AirDate), ExposureIds = { form.Chosen }, IdempotencyKey = Text(form.Key),
        }, deadline: CallDeadline.ForCommand()).ResponseAsync;

    /// <param name="airedAt">A datetime-local value, read as Beijing time.</param>
    public Task AirAsync(string programmeId, DateTime airedAt) =>
        exposure.RecordAiringAsync(new RecordAiringRequest { Id = programmeId, AiredAt = Timestamp.FromDateTimeOffset(BeijingTime.At(airedAt)) },
            deadline: CallDeadline.ForCommand()).ResponseAsync;

    /// <summary>Sends the parts the form has and the problem still lacks; a part left blank is not sent.</summary>
    public Task FollowUpAsync(string exposureId, FollowUpForm form, bool visitOwed, bool broadcastOwed)
    {
        var request = new RecordFollowUpRequest { Id = exposureId };
        if (visitOwed && form.HasVisit)
            request.ReturnVisit = new ReturnVisit
            {
                Date = Text(form.VisitDate), Findings = Text(form.Findings), RectificationState = IntakeChoices.Parse<RectificationState>(form.Rectification),
            };
        if (broadcastOwed && form.HasBroadcast)
            request.Broadcast = new FollowUpBroadcast { ColumnId = Text(form.BroadcastColumn), AirDate = Text(form.BroadcastDate) };
        return exposure.RecordFollowUpAsync(request, deadline: CallDeadline.ForCommand()).ResponseAsync;
    }

    /// <summary>The datetime-local value the airing form posts (2024-09-27T19:30), or null.</summary>
    public static DateTime? ParseLocal(string? text) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at : null;

    private static string Text(string? value) => value?.Trim() ?? string.Empty;
}
