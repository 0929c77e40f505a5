using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Casework;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 案件: one case as this person may see it, the timeline from its history chain, and the steps they may take now. A case
/// the service will not show them (another jurisdiction's, one that has not reached them, or none) is answered 404 with
/// no data, whichever it was, so the page tells no one that a case exists elsewhere.
/// </summary>
public sealed partial class CasePage
{
    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [Inject] private CaseSheetQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private CaseSheet? _sheet;
    private SignedInPerson? _person;
    private bool _unavailable;
    /// <summary>The action form this request posts, if any.</summary>
    private string? _posted;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        _person = person;
        try
        {
            _sheet = await Query.LoadAsync(Id, person, HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        if (_sheet is null) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            _posted = (await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted))["_handler"].ToString();
    }

    /// <summary>
    /// An action shows when the person may take it now; the form a request posts shows too, even if the case moved since
    /// the form was drawn, so its post is answered — by the first post's outcome on a double click, else by the service.
    /// </summary>
    private bool Shows(bool allowed, string form) => allowed || _posted == form;

    private string? Confirmation => Done switch
    {
        "assigned" => "已交办。",
        "returned" => "已退回交办机关。",
        "reported" => "办理情况已上报。",
        "verified" => "核查通过。",
        "sentback" => "已发回重办。",
        "closed" => "已销号。",
        "supervised" => "已督办。",
        "stopchecked" => "核查情况已记录。",
        "accountability" => "问责情况已记录。",
        "clue" => "问题线索已移送。",
        _ => null,
    };

    private static string NoActionText(CaseSheet sheet) => sheet.Case.Status == Contracts.Cases.V1.CaseStatus.Closed
        ? "本案已销号。"
        : $"本案现由{sheet.Facts.Holder}办理，您目前无需操作。";
}
