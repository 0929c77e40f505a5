using Ducha.WebConsole.Components.Forms;

namespace Ducha.WebConsole.Secondment;

/// <summary>登记干部: who, where from, and the account the person signs in with (how Cases knows a seconded cadre).</summary>
public sealed class CadreForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? JurisdictionCode { get; set; }
    public string? HomeUnit { get; set; }
    public string? Rank { get; set; }
    public string? Specialities { get; set; }
    public string? Subject { get; set; }
}

/// <summary>抽调: which cadre, to which post of the level, from when to when (Beijing dates, the end inclusive).</summary>
public sealed class SecondForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? CadreId { get; set; }
    public string? Post { get; set; }
    public string? PostName { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

/// <summary>结束抽调: which term, and why.</summary>
public sealed class EndSecondmentForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? SecondmentId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>轮岗计划: which term, and who takes the post when it ends.</summary>
public sealed class RotationForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? SecondmentId { get; set; }
    public string? SuccessorCadreId { get; set; }
}

/// <summary>评价: a term's grade for a year, by the office or the home unit, with the record behind it.</summary>
public sealed class EvaluationForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? SecondmentId { get; set; }
    public string? Year { get; set; }
    public string? Evaluator { get; set; }
    public string? Grade { get; set; }
    public string? Remarks { get; set; }
}

/// <summary>
/// 设置督察组织: each group's duties (one a line) and members (one a line: 职务 姓名 单位), with the revision read, so a
/// change someone saved in between is refused rather than overwritten.
/// </summary>
public sealed class OrganizationForm : IKeyedForm
{
    public string? Key { get; set; }
    public int Revision { get; set; }
    public List<GroupRows> Groups { get; set; } = [];
}

public sealed class GroupRows
{
    public string? Kind { get; set; }
    public string? Duties { get; set; }
    public string? Members { get; set; }
}

/// <summary>提出监察申请: the case, the group asking, why, and the particulars.</summary>
public sealed class SupervisionForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? CaseId { get; set; }
    public string? FromGroup { get; set; }
    public string? Reason { get; set; }
    public string? Details { get; set; }
}

/// <summary>办结监察申请: what 督办监察组 did, and whether accountability was carried out.</summary>
public sealed class ResolveSupervisionForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? RequestId { get; set; }
    public string? Outcome { get; set; }
    public bool Accountability { get; set; }
}

/// <summary>添加检查对象: an enterprise or place within the level, its pollution type and risk class.</summary>
public sealed class TargetForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? JurisdictionCode { get; set; }
    public string? PollutionType { get; set; }
    public string? Risk { get; set; }
}

/// <summary>添加执法检查人员: a seconded cadre, or enforcement staff by name, unit and home place.</summary>
public sealed class InspectorForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? CadreId { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? HomeJurisdictionCode { get; set; }
}

/// <summary>抽取: the round, how many targets and teams of how many, and why, when the round was drawn before.</summary>
public sealed class DrawForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Round { get; set; }
    public string? Targets { get; set; }
    public string? Teams { get; set; }
    public string? TeamSize { get; set; }
    public string? RedrawReason { get; set; }
}

/// <summary>记录检查结果: a target of the draw and what its inspection found.</summary>
public sealed class FindingForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? TargetId { get; set; }
    public string? Findings { get; set; }
}

/// <summary>公开抽取结果: nothing to type; the key makes a double click one decision.</summary>
public sealed class RevealForm : IKeyedForm
{
    public string? Key { get; set; }
    public bool Confirmed { get; set; }
}
