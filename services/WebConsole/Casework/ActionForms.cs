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

/// <summary>办: findings and result; rectified now, or a plan with its target, measures, deadline, unit and phases.</summary>
public sealed class ReportForm : IActionForm
{
    public const int PhaseRows = 3;

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

    public bool RectifiedNow => Rectification != "plan";

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
