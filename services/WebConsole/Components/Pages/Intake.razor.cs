using Ducha.Identity;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 登记: an office registers a complaint. The place is picked down the tree by re-posting the whole form, so what was typed
/// stays; filing posts the form to <c>CreateCase</c> with the key made when the empty form was shown, so a second click
/// files nothing new; a refusal marks each field the service named; success redirects to the case.
/// </summary>
public sealed partial class Intake
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromForm(FormName = "intake")] private IntakeForm? Form { get; set; }
    [Inject] private JurisdictionTree Tree { get; set; } = null!;
    [Inject] private ConsoleCasesClient Cases { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private EditContext _edit = null!;
    private ValidationMessageStore _messages = null!;
    private PlacePicker? _picker;
    private Jurisdiction? _place;
    private string? _refusal;

    private SignedInPerson? Person => SignedInPerson.From(HttpContext?.User, Tree);

    protected override void OnInitialized()
    {
        Form ??= new IntakeForm();
        if (string.IsNullOrWhiteSpace(Form.IdempotencyKey)) Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        _edit = new EditContext(Form);
        _messages = new ValidationMessageStore(_edit);
        if (Person is not { Role: Role.Office } person) return;
        _picker = new PlacePicker(Tree, person.JurisdictionCode);
        _place = _picker.Current(Form.Place);
        Form.Place ??= _place.Code;
    }

    private async Task SubmitAsync()
    {
        _messages.Clear();
        _refusal = null;
        if (_picker is null || HttpContext is null) return;
        if (Form!.Step == IntakeForm.PickPlace)
        {
            // Only a move down (or back up) the tree: show the form again at the new place, keep everything typed.
            Form.Place = _place!.Code;
            return;
        }
        if (!_picker.IsWithinReach(Form.Place))
        {
            Refuse(nameof(IntakeForm.Place), "请选择本辖区内的行政区");
            return;
        }
        Contracts.Cases.V1.Case filed;
        try
        {
            filed = await Cases.CreateCaseAsync(IntakeRequest.From(Form), cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refused)
        {
            ShowRefusal(refused);
            return;
        }
        // Post-redirect-get: a reload shows the case instead of posting again. A repeat complaint first says which case it repeats.
        Navigation.NavigateTo(string.IsNullOrEmpty(filed.LinkedCaseId) ? CasePath(filed.Id) : ReceiptPath(filed.Id));
    }

    public static string CasePath(string id) => "/cases/" + Uri.EscapeDataString(id);

    public static string ReceiptPath(string id) => "/intake/filed/" + Uri.EscapeDataString(id);

    private void ShowRefusal(RpcException refused)
    {
        var fields = ServiceRefusal.RefusedFields(refused);
        foreach (var field in fields)
        {
            if (IntakeRequest.FormField(field.Field) is { } name) Refuse(name, ServiceRefusal.Words(field.Description));
        }
        var unplaced = fields.Where(f => IntakeRequest.FormField(f.Field) is null).ToList();
        if (fields.Count == 0) _refusal = ServiceRefusal.Sentence(refused);
        else if (unplaced.Count > 0) _refusal = "填写有误：" + string.Join("；", unplaced.Select(f => $"{f.Field} {ServiceRefusal.Words(f.Description)}"));
        else _refusal = "登记未成功，请按标出的提示修改后再提交。";
    }

    private void Refuse(string field, string message)
    {
        _messages.Add(_edit.Field(field), message);
        _edit.NotifyValidationStateChanged();
    }

    private IEnumerable<string> Errors(string field) => _edit.GetValidationMessages(_edit.Field(field));

    /// <summary>aria-describedby for a field: its hint, and its error once the service named it.</summary>
    private string? Described(string field, string id, bool hint = false)
    {
        var ids = new List<string>();
        if (hint) ids.Add(id + "-hint");
        if (Errors(field).Any()) ids.Add(id + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
