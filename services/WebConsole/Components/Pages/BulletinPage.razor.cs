using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Disclosure;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 通报: one bulletin as the public will see it (a draft labelled 预览（未发布）), and what this office may do with it —
/// publish its own draft, correct its own published bulletin with a reason — with every version and its reason. A
/// bulletin the service does not show this person (a sibling's, or none) is answered 404 with no data.
/// </summary>
public sealed partial class BulletinPage
{
    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [Inject] private BulletinSheetQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private BulletinSheet? _sheet;
    private bool _unavailable;
    /// <summary>The form this request posts, if any: shown even when the bulletin moved on since, so its post is answered.</summary>
    private string? _posted;
    private IReadOnlyDictionary<string, string> _refused = new Dictionary<string, string>();

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
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

    private void OnRefused(ServiceRefusal refusal) => _refused = refusal.Fields;

    private string? Confirmation => Done switch
    {
        "drafted" => "草稿已按最新数据生成，请核对预览后发布。",
        "existing" => "该期间的通报已发布，不再重新生成；数据有变化的，请提交更正。",
        "published" => "已发布，公众可在公开网站查看。",
        "corrected" => "更正已发布，更正理由与新版本一并公开。",
        _ => null,
    };
}
