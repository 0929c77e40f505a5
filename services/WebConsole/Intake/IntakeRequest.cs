using Ducha.Contracts.Cases.V1;
using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;

namespace Ducha.WebConsole.Intake;

/// <summary>The form as <c>CreateCase</c> takes it, and the service's field names back to the form's.</summary>
public static class IntakeRequest
{
    public static CreateCaseRequest From(IntakeForm form) => new()
    {
        JurisdictionCode = form.Place ?? string.Empty,
        Address = Text(form.Address),
        Polluter = Text(form.Polluter),
        PollutionType = IntakeChoices.Parse<PollutionType>(form.PollutionType),
        Description = Text(form.Description),
        Channel = IntakeChoices.Parse<Channel>(form.Channel),
        CentralInspection = form.CentralInspection,
        OriginalDeadline = Text(form.OriginalDeadline),
        IdempotencyKey = Text(form.IdempotencyKey),
        // An anonymous complaint names no reporter at all; a partly filled block is sent as typed, for the service to name what is missing.
        Reporter = form.NamesReporter
            ? new Reporter { Name = Text(form.ReporterName), Phone = Text(form.ReporterPhone), Address = Text(form.ReporterAddress) }
            : null,
    };

    /// <summary>The form field a refused proto field belongs to; null for one the form does not show.</summary>
    public static string? FormField(string protoField) => protoField switch
    {
        "jurisdiction_code" => nameof(IntakeForm.Place),
        "address" => nameof(IntakeForm.Address),
        "polluter" => nameof(IntakeForm.Polluter),
        "pollution_type" => nameof(IntakeForm.PollutionType),
        "description" => nameof(IntakeForm.Description),
        "channel" => nameof(IntakeForm.Channel),
        "central_inspection" => nameof(IntakeForm.CentralInspection),
        "original_deadline" => nameof(IntakeForm.OriginalDeadline),
        "reporter.name" => nameof(IntakeForm.ReporterName),
        "reporter.phone" => nameof(IntakeForm.ReporterPhone),
        "reporter.address" => nameof(IntakeForm.ReporterAddress),
        _ => null,
    };

    private static string Text(string? value) => value?.Trim() ?? string.Empty;
}
