using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Exposure;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A column's week as a calendar (Monday to Sunday, Beijing dates, ← 上一周 / 下一周 → by <c>?week=</c>), its count
/// against the minimum, and — for its own office — the forms to propose, schedule and record an airing. A column the
/// service will not show this person is answered 404 with no data, as a case is.
/// </summary>
public sealed partial class ColumnWeekPage
{
    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "week")] private string? Week { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [Inject] private ColumnWeekQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private ColumnWeek? _week;
    private bool _unavailable;
    private string? _posted;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        try
        {
            _week = await Query.LoadAsync(Id, Week, person, HttpContext.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        if (_week is null) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            _posted = (await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted))["_handler"].ToString();
    }

    private string? Confirmation => Done switch
    {
        "proposed" => "选题已提交，可在“安排节目”中选用。",
        "scheduled" => "节目已安排。",
        "aired" => "已记录播出；各问题由下一级办公室在播出后 5 个工作日内回访整改，并据此立案交办。",
        _ => null,
    };
}
