using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Casework;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ducha.WebConsole.Components.Forms;

/// <summary>
/// A form posted to its page that acts through a service: it keeps what was typed when the service refuses, puts the
/// rule's words beside the fields the refusal names (or at the form's top), runs each post's key once
/// (<see cref="FormSubmissions"/>), and after success redirects with a short confirmation, so a reload posts nothing again.
/// The case page's actions and the exposure pages' forms are such forms.
/// </summary>
public abstract class ConsoleFormBase<TForm> : ComponentBase where TForm : class, IActionForm, new()
{
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [Inject] private FormSubmissions Submissions { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    protected EditContext Edit { get; private set; } = null!;
    protected ServiceRefusal? Refusal { get; private set; }
    /// <summary>What the refusal said of fields this form has no input for.</summary>
    protected List<string> Unplaced { get; } = [];
    protected bool Unavailable { get; private set; }
    private ValidationMessageStore _messages = null!;

    /// <summary>The form name, also the prefix of its element ids.</summary>
    protected abstract string Name { get; }

    /// <summary>
    /// The bound form: the derived component supplies it from the form posted under <see cref="Name"/>, its fields named
    /// <c>Form.…</c> as the inputs bound to <see cref="Form"/> write them.
    /// </summary>
    protected TForm? Posted { get; set; }

    protected TForm Form => Posted!;

    /// <summary>The form's property for a field the service names, or null when it has no input for it.</summary>
    protected abstract string? PropertyOf(string field);

    protected virtual void Prefill(TForm form) { }

    protected override void OnInitialized()
    {
        if (Posted is null)
        {
            Posted = new TForm { Key = NewKey() };
            Prefill(Posted);
        }
        Edit = new EditContext(Posted);
        _messages = new ValidationMessageStore(Edit);
    }

    /// <summary>An element id from the form and property names, in letters, digits and dashes only.</summary>
    protected string Id(string property) =>
        $"{Name}-" + string.Concat(property.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-').Replace("--", "-", StringComparison.Ordinal);

    protected string? Error(string property)
    {
        var messages = Edit.GetValidationMessages(Edit.Field(property)).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    /// <summary>The error beside the field, and any hint, for aria-describedby.</summary>
    protected string? DescribedBy(string property, string? hint = null)
    {
        var ids = new[] { Error(property) is null ? null : Id(property) + "-error", hint }.Where(i => i is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>A check the console makes before asking (a number that is no number); the service still judges the rest.</summary>
    protected void Refuse(string property, string message) => _messages.Add(Edit.Field(property), message);

    protected virtual bool CheckLocally() => true;

    /// <summary>
    /// Runs <paramref name="call"/> once for this post's key and what it acts on (<paramref name="target"/>: a case, a
    /// column, a problem); on success the browser goes to <paramref name="redirect"/>.
    /// </summary>
    protected async Task SubmitAsync(string target, Func<Task> call, string redirect)
    {
        _messages.Clear();
        Unplaced.Clear();
        (Refusal, Unavailable) = (null, false);
        if (!CheckLocally())
        {
            Form.Key = NewKey();
            Edit.NotifyValidationStateChanged();
            return;
        }
        ServiceRefusal? refusal;
        try
        {
            refusal = await Submissions.OnceAsync($"{Who}\n{target}\n{Name}\n{Form.Key}", call);
        }
        catch (RpcException)
        {
            Unavailable = true;
            return;
        }
        if (refusal is null)
        {
            Navigation.NavigateTo(redirect);
            return;
        }
        Refusal = refusal;
        foreach (var (field, words) in refusal.Fields)
        {
            if (PropertyOf(field) is { } property) _messages.Add(Edit.Field(property), Explain(field, words));
            else Unplaced.Add(words);
        }
        // What was typed stays; a post of the corrected form is a new submission.
        Form.Key = NewKey();
        Edit.NotifyValidationStateChanged();
    }

    /// <summary>The words beside a field: the rule's own, with the console's explanation first where it has one.</summary>
    protected virtual string Explain(string field, string words) => words;

    private string Who => HttpContext?.User.FindFirst("sub")?.Value + "@" + HttpContext?.User.FindFirst(Ducha.Identity.DuchaClaims.Jurisdiction)?.Value;

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
