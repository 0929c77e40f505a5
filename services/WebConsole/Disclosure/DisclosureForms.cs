using Ducha.WebConsole.Components.Forms;

namespace Ducha.WebConsole.Disclosure;

/// <summary>起草: a period of the office's own jurisdiction, its first and last days (yyyy-MM-dd, as a date input posts them).</summary>
public sealed class DraftBulletinForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
}

/// <summary>发布: nothing to type; the key makes a double click one publication.</summary>
public sealed class PublishBulletinForm : IKeyedForm
{
    public string? Key { get; set; }
}

/// <summary>更正: the reason readers see beside what changed.</summary>
public sealed class CorrectBulletinForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? Reason { get; set; }
}
