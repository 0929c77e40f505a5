using Ducha.WebConsole.Calls;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ducha.WebConsole.Components.Forms;

/// <summary>
/// A form posted to its page: it keeps what was typed when the service refuses, puts the rule's words beside the fields
/// the refusal names (or at the form's top), and after success redirects, so a reload posts nothing again. The key it
/// carries makes a double click one submission (<see cref="FormSubmissions"/>).
/// </summary>
public abstract class KeyedFormBase<TForm> : ComponentBase where TForm : class, IKeyedForm, new()
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

    /// <summary>This request posts this form: a form folded away by default stays open to show its outcome.</summary>
    protected bool PostedBack { get; private set; }

    protected override void OnInitialized()
    {
        PostedBack = Posted is not null;
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
        var messages = Edit.GetValidationMessages(FieldOf(property)).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    /// <summary>
    /// The field a property path names. A row of a list (<c>Phases[1].Deadline</c>) is bound to its own object, so its
    /// input marks itself invalid only when the message is kept under that object: forms with rows say which it is.
    /// </summary>
    protected virtual FieldIdentifier FieldOf(string property) => Edit.Field(property);

    /// <summary>The error beside the field, and any hint, for aria-describedby.</summary>
    protected string? DescribedBy(string property, string? hint = null)
    {
        var ids = new[] { Error(property) is null ? null : Id(property) + "-error", hint }.Where(i => i is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>A check the console makes before asking (a number that is no number); the service still judges the rest.</summary>
    protected void Refuse(string property, string message) => _messages.Add(FieldOf(property), message);

    protected virtual bool CheckLocally() => true;

    /// <summary>
    /// Submits the form once per key. <paramref name="subject"/> — what the form acts on: a case, a bulletin, a
    /// jurisdiction — scopes the key with the person and the form's name; <paramref name="call"/> answers where to go once
    /// the service accepted.
    /// </summary>
    protected async Task SubmitAsync(string subject, Func<Task<string>> call)
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
        FormOutcome outcome;
        try
        {
            outcome = await Submissions.OnceAsync($"{Who}\n{subject}\n{Name}\n{Form.Key}", async () => await call());
        }
        catch (RpcException)
        {
            Unavailable = true;
            return;
        }
        if (outcome.Refusal is not { } refusal)
        {
            Navigation.NavigateTo(outcome.Next!);
            return;
        }
        Refusal = refusal;
        foreach (var (field, words) in refusal.Fields)
        {
            if (PropertyOf(field) is { } property) _messages.Add(FieldOf(property), Explain(field, words));
            else Unplaced.Add(Explain(field, words));
        }
        // What was typed stays; a post of the corrected form is a new submission.
        Form.Key = NewKey();
        Edit.NotifyValidationStateChanged();
        await OnRefusedAsync(refusal);
    }

    /// <summary>The words for a field: the rule's own, with the console's explanation first where it has one.</summary>
    protected virtual string Explain(string field, string words) => words;

    /// <summary>After a refusal is in place: for a page that marks the named fields elsewhere too.</summary>
    protected virtual Task OnRefusedAsync(ServiceRefusal refusal) => Task.CompletedTask;

    private string Who => HttpContext?.User.FindFirst("sub")?.Value + "@" + HttpContext?.User.FindFirst(Ducha.Identity.DuchaClaims.Jurisdiction)?.Value;

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
