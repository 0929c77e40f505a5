using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Components.Forms;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Assessment;

/// <summary>A form of the 考核 pages (<see cref="KeyedFormBase{TForm}"/>), acting through the assessment service.</summary>
public abstract class AssessmentFormBase<TForm> : KeyedFormBase<TForm> where TForm : class, IKeyedForm, new()
{
    public const string Service = "考核服务";

    [Inject] protected AssessmentCommands Commands { get; set; } = null!;

    /// <summary>
    /// A malformed input is said in the form's words (此项必填…); a rule's refusal keeps the rule's own words, which name
    /// the figure, the year or the state that refused it.
    /// </summary>
    protected override string Explain(string field, string words) =>
        words.StartsWith(field + " ", StringComparison.Ordinal) ? ServiceRefusal.Words(words[(field.Length + 1)..]) : words;

    /// <summary>Refuses <paramref name="property"/> unless it holds a figure (the service judges its bounds).</summary>
    protected double Figure(string property, string? text, string words = "请填写数字")
    {
        var value = AssessmentCommands.Parse(text);
        if (double.IsNaN(value)) Refuse(property, words);
        return value;
    }
}
