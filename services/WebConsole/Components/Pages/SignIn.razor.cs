using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// The development sign-in: the place is picked down the tree (province → city → county) with plain GET forms, then a
/// role, a unit for a handler (from that place's unit register) and a name; the token is issued and kept on the server.
/// </summary>
public sealed partial class SignIn
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "code")] private string? Code { get; set; }
    [SupplyParameterFromQuery(Name = "returnUrl")] private string? ReturnUrl { get; set; }
    [SupplyParameterFromForm(FormName = "signin")] private SignInForm? Form { get; set; }
    /// <summary>Set when the provider's sign-in came back refused or for no one Ducha knows.</summary>
    [SupplyParameterFromQuery(Name = "failed")] private string? FailedFlag { get; set; }

    private EditContext _edit = null!;
    private ValidationMessageStore _messages = null!;
    private List<string> _units = [];
    private bool _unitsUnavailable;

    private ISignInTokenSource? TokenSource => Services.GetService<ISignInTokenSource>();

    private bool ProviderConfigured => ProviderSignIn.IsConfigured(Services);

    private bool Failed => FailedFlag is { Length: > 0 };

    /// <summary>The place picked so far; a code that is no office's place (unknown, below a county) counts as none.</summary>
    private Jurisdiction? Chosen => Code is { Length: > 0 } code && Tree.Find(code) is { Level: <= JurisdictionLevel.County } j ? j : null;

    private IReadOnlyList<Jurisdiction> Children => Chosen switch
    {
        null => [.. Tree.Provinces],
        { Level: JurisdictionLevel.County } => [],
        { } j => [.. Tree.Children(j.Code).SelectMany(c => SignedInPerson.IsGrouping(c) ? Tree.Children(c.Code) : [c]).Where(c => c.Level <= JurisdictionLevel.County)],
    };

    protected override async Task OnInitializedAsync()
    {
        Form ??= new SignInForm();
        _edit = new EditContext(Form);
        _messages = new ValidationMessageStore(_edit);
        if (TokenSource is null || Chosen is not { } place) return;
        try
        {
            var register = await UnitRegister.ListUnitsAsync(new ListUnitsRequest { JurisdictionCode = place.Code },
                deadline: CallDeadline.FromNow(CallDeadline.LookUp), cancellationToken: HttpContext?.RequestAborted ?? default);
            _units = [.. register.Units.Select(u => u.Name)];
        }
        catch (RpcException)
        {
            _unitsUnavailable = true;
        }
    }

    private async Task SignInAsync()
    {
        _messages.Clear();
        if (!_edit.Validate() | !CheckUnit() || TokenSource is not { } source || Chosen is not { } place || HttpContext is null) return;
        var name = Form!.DisplayName!.Trim();
        string token;
        try
        {
            token = source.Issue(new SignInChoice(place.Code, Form.Role, Form.Unit, name));
        }
        catch (ArgumentException)
        {
            _messages.Add(_edit.Field(nameof(SignInForm.Role)), "无法以此身份登录");
            _edit.NotifyValidationStateChanged();
            return;
        }
        await ConsoleSignIn.SignInAsync(HttpContext, token, name);
        // The organization department holds no cases: its work starts at the roster, not at 待办.
        Navigation.NavigateTo(Form.Role == "organization" && ReturnUrl is not { Length: > 0 }
            ? Ducha.WebConsole.Secondment.SecondmentPaths.Roster
            : ConsoleSignIn.LocalOrHome(ReturnUrl));
    }

    /// <summary>A handler works for a unit of the place's register; an office or an organization department names none.</summary>
    private bool CheckUnit()
    {
        var field = _edit.Field(nameof(SignInForm.Unit));
        if (Form!.Role is not ("office" or "handler" or "organization"))
            _messages.Add(_edit.Field(nameof(SignInForm.Role)), "请选择办公室、承办单位或组织部");
        else if (Form.Role == "handler" && string.IsNullOrWhiteSpace(Form.Unit))
            _messages.Add(field, "承办单位人员须选择所在单位");
        else if (Form.Role == "handler" && !_units.Contains(Form.Unit!))
            _messages.Add(field, "所选单位不在本级单位名录中");
        if (Form.Role != "handler") Form.Unit = null;
        var ok = !_edit.GetValidationMessages().Any();
        if (!ok) _edit.NotifyValidationStateChanged();
        return ok;
    }

    private IEnumerable<Jurisdiction> PathTo(Jurisdiction place) =>
        Tree.Ancestors(place.Code).Reverse().Append(place).Where(j => !SignedInPerson.IsGrouping(j));

    private string SignInUrl(string code) =>
        ReturnUrl is { Length: > 0 } back ? $"/signin?code={code}&returnUrl={Uri.EscapeDataString(back)}" : $"/signin?code={code}";
}
