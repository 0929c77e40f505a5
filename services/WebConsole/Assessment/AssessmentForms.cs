using Ducha.WebConsole.Components.Forms;

namespace Ducha.WebConsole.Assessment;

/// <summary>以示例方案新建: who the scheme assesses; the year is the desk's.</summary>
public sealed class CreateSchemeForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Audience { get; set; }
}

/// <summary>复制方案: which scheme to copy, and who the copy assesses; the year is the desk's.</summary>
public sealed class CopySchemeForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? SchemeId { get; set; }
    public string? Audience { get; set; }
}

/// <summary>施行: nothing to type; the key makes a double click one decision.</summary>
public sealed class PutSchemeInForceForm : IKeyedForm
{
    public string? Key { get; set; }
}

/// <summary>
/// 修改草稿: the draft's figures as number inputs, by their place in the scheme; every other word of the content goes back
/// as it was. The revision read with them makes a change someone else saved in between a refusal, not a silent overwrite.
/// </summary>
public sealed class ReviseSchemeForm : IKeyedForm
{
    public string? Key { get; set; }
    public int Revision { get; set; }
    public List<WeightRow> Programmes { get; set; } = [];
    public List<PointsRow> Indicators { get; set; } = [];
    public List<RuleRow> Rules { get; set; } = [];
    public string? DeductionCap { get; set; }
    public List<BandRow> Bands { get; set; } = [];
}

public sealed class WeightRow
{
    public string? Weight { get; set; }
}

public sealed class PointsRow
{
    public string? Points { get; set; }
}

public sealed class RuleRow
{
    public string? Points { get; set; }
    public string? Cap { get; set; }
}

public sealed class BandRow
{
    public string? MinTotal { get; set; }
}

/// <summary>录入监测值: an environmental-quality indicator of the scheme that assesses the place, the period, the value and its source.</summary>
public sealed class MeasurementForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? IndicatorCode { get; set; }
    public string? Period { get; set; }
    public string? Value { get; set; }
    public string? Source { get; set; }
}

/// <summary>一票否优: the ground and the evidence.</summary>
public sealed class VetoForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Ground { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>撤销一票否优: which veto, and why.</summary>
public sealed class WithdrawVetoForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? VetoId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>环境责任报告: the year's report in a summary.</summary>
public sealed class DutyReportForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Summary { get; set; }
}

/// <summary>定稿: a tick that says the office checked the ranking, since a frozen result is never computed again.</summary>
public sealed class FreezeForm : IKeyedForm
{
    public string? Key { get; set; }
    public bool Confirmed { get; set; }
}
