using Ducha.WebConsole.Components.Forms;

namespace Ducha.WebConsole.Casework;

/// <summary>An action form of the case page: like every form posted to a page, it carries a key (<see cref="IKeyedForm"/>).</summary>
public interface IActionForm : IKeyedForm;

/// <summary>转: to the office below (<c>office:320500</c>) or a unit of the register (<c>unit:吴中区水务局</c>).</summary>
public sealed class AssignDownForm : IActionForm
{
    public string? Key { get; set; }
    public string? Target { get; set; }
    public string? WorkingDays { get; set; }
    public string? Reason { get; set; }
}

public sealed class ReturnForm : IActionForm
{
    public string? Key { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// 办: findings and result; rectified now, or a plan with its target, measures, deadline, unit and phases; and the measures
/// taken (a stop or shutdown with the date it is to be checked on site).
/// </summary>
public sealed class ReportForm : IActionForm
{
    public const int PhaseRows = 3, MeasureRows = 2;

    public string? Key { get; set; }
    public string? Findings { get; set; }
    public string? Result { get; set; }
    public string Rectification { get; set; } = "now";
    public bool TouchesLivelihood { get; set; }
    public string? PlanTarget { get; set; }
    public string? PlanMeasures { get; set; }
    public string? PlanDeadline { get; set; }
    public string? PlanResponsibleUnit { get; set; }
    public List<PhaseRow> Phases { get; set; } = [];
    public List<MeasureRow> Measures { get; set; } = [];

    public bool RectifiedNow => Rectification != "plan";

    /// <summary>The phase rows that say something, by their place on the form: the service numbers only these.</summary>
    public IReadOnlyList<int> FilledPhases() =>
        [.. Phases.Select((p, i) => (p, i)).Where(x => !string.IsNullOrWhiteSpace(x.p.Description) || !string.IsNullOrWhiteSpace(x.p.Deadline)).Select(x => x.i)];

    /// <summary>The measure rows that say something, by their place on the form.</summary>
    public IReadOnlyList<int> FilledMeasures() => [.. Measures.Select((m, i) => (m, i)).Where(x => !x.m.IsBlank).Select(x => x.i)];

    public void PadMeasures()
    {
        while (Measures.Count < MeasureRows) Measures.Add(new MeasureRow());
        if (Measures.Count > MeasureRows) Measures.RemoveRange(MeasureRows, Measures.Count - MeasureRows);
    }

    /// <summary>Always the same number of rows to fill, whatever came back from the browser.</summary>
    public void PadPhases()
    {
        while (Phases.Count < PhaseRows) Phases.Add(new PhaseRow());
        if (Phases.Count > PhaseRows) Phases.RemoveRange(PhaseRows, Phases.Count - PhaseRows);
    }
}

public sealed class PhaseRow
{
    public string? Description { get; set; }
    public string? Deadline { get; set; }
}

/// <summary>A measure by its enum names (Stop, Shutdown …; Site, Industry, Area); a stop's check date as yyyy-MM-dd.</summary>
public sealed class MeasureRow
{
    public string? Kind { get; set; }
    public string Scope { get; set; } = "Site";
    public string? Description { get; set; }
    public string? Investigation { get; set; }
    public string? VerificationDate { get; set; }

    /// <summary>Nothing chosen or typed but the scope, which starts filled.</summary>
    public bool IsBlank => string.IsNullOrEmpty(Kind) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Investigation)
        && string.IsNullOrWhiteSpace(VerificationDate);
}

/// <summary>核: accept (onward up the chain) or send back with a reason, saying how the report was checked.</summary>
public sealed class VerifyForm : IActionForm
{
    public string? Key { get; set; }
    public string Decision { get; set; } = "accept";
    public string? Method { get; set; }
    public string? Reason { get; set; }
}

/// <summary>销号: the four not-let-go and the reporter's callback.</summary>
public sealed class CloseForm : IActionForm
{
    public string? Key { get; set; }
    public bool CauseFound { get; set; }
    public bool RectificationDone { get; set; }
    public bool ResponsibilityFixed { get; set; }
    public bool PublicSatisfied { get; set; }
    public string? Callback { get; set; }
    public string? CallbackNote { get; set; }
    public string? OverrideReason { get; set; }
}
