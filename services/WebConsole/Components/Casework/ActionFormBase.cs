using Ducha.WebConsole.Casework;
using Ducha.WebConsole.Components.Forms;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Casework;

/// <summary>
/// One action of the case page as a form posted to the page (<see cref="KeyedFormBase{TForm}"/>): after success it
/// redirects to the case page with a short confirmation.
/// </summary>
public abstract class ActionFormBase<TForm> : KeyedFormBase<TForm> where TForm : class, IActionForm, new()
{
    [Parameter, EditorRequired] public CaseSheet Sheet { get; set; } = null!;
    [Inject] protected CaseCommands Commands { get; set; } = null!;

    protected Task SubmitAsync(Func<Task> call, string done) =>
        SubmitAsync(Sheet.Case.Id, async () =>
        {
            await call();
            return $"/cases/{Uri.EscapeDataString(Sheet.Case.Id)}?done={done}";
        });
}
