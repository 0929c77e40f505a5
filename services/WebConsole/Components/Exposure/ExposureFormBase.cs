using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Casework;
using Ducha.WebConsole.Components.Forms;
using Ducha.WebConsole.Exposure;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Exposure;

/// <summary>A form of the 曝光 pages (<see cref="ConsoleFormBase{TForm}"/>), acting through the exposure service.</summary>
public abstract class ExposureFormBase<TForm> : ConsoleFormBase<TForm> where TForm : class, IActionForm, new()
{
    public const string Service = "曝光服务";

    [Inject] protected ExposureCommands Commands { get; set; } = null!;

    /// <summary>
    /// A malformed input is said in the form's words (此项必填, 日期无效…); a rule's refusal keeps the rule's own words,
    /// which name the day, the column or the deadline that refused it.
    /// </summary>
    protected override string Explain(string field, string words) =>
        words.StartsWith(field + " ", StringComparison.Ordinal) ? ServiceRefusal.Words(words[(field.Length + 1)..]) : words;
}
