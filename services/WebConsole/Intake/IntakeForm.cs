namespace Ducha.WebConsole.Intake;

/// <summary>
/// What the 登记 form posts. Every value is kept as typed (strings, even for the lists), so a refusal or a change of
/// place shows the form again exactly as the clerk left it; the cases service decides what is valid.
/// </summary>
public sealed class IntakeForm
{
    /// <summary>The place picked so far: the signed-in office's own jurisdiction or one below it.</summary>
    public string? Place { get; set; }
    public string? Address { get; set; }
    public string? Polluter { get; set; }
    public string? PollutionType { get; set; }
    public string? Description { get; set; }
    public string? Channel { get; set; }
    public bool CentralInspection { get; set; }
    public string? OriginalDeadline { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterAddress { get; set; }

    /// <summary>Made when the empty form is first shown and posted back with it, so a double click files one case.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary><c>place</c> when the clerk only moved down the tree: the form comes back, nothing is filed.</summary>
    public string? Step { get; set; }

    public const string PickPlace = "place";

    public bool NamesReporter =>
        !string.IsNullOrWhiteSpace(ReporterName) || !string.IsNullOrWhiteSpace(ReporterPhone) || !string.IsNullOrWhiteSpace(ReporterAddress);
}
