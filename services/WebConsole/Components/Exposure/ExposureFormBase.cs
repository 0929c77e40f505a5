using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Components.Forms;
using Ducha.WebConsole.Exposure;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Exposure;

/// <summary>A form of the 曝光 pages (<see cref="KeyedFormBase{TForm}"/>), acting through the exposure service.</summary>
public abstract class ExposureFormBase<TForm> : KeyedFormBase<TForm> where TForm : class, IKeyedForm, new()
{
    public const string Service = "曝光服务";

    [Inject] protected ExposureCommands Commands { get; set; } = null!;

    /// <summary>
    /// A malformed input is said in the form's words (此项必填, 日期无效…); a rule's refusal keeps the rule's own words,
    /// which name the day, the column or the deadline that refused it.
    /// </summary>
    /// <summary>Runs <paramref name="call"/> once for this post's key and what it acts on (a column, a problem); then to <paramref name="redirect"/>.</summary>
    protected Task SubmitAsync(string target, Func<Task> call, string redirect) =>
        SubmitAsync(target, async () =>
        {
            await call();
            return redirect;
        });

    protected override string Explain(string field, string words) =>
        words.StartsWith(field + " ", StringComparison.Ordinal) ? ServiceRefusal.Words(words[(field.Length + 1)..]) : words;
}
