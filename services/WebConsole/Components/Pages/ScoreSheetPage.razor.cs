using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 考核得分表: a party's total and rating (and why the rating is not the total's), provisional or frozen, each special
/// assessment with its indicators, each deduction rule with every deduction under it and the case behind it — the
/// drill-down to the case page — the vetoes, the duty report and the rank. The assessing level records and withdraws
/// vetoes here. A sheet the service does not show this person is answered 404 with no data.
/// </summary>
public sealed partial class ScoreSheetPage
{
    [Parameter] public string JurisdictionCode { get; set; } = "";
    [Parameter] public int Year { get; set; }
    [SupplyParameterFromQuery(Name = "department")] private string? Department { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [Inject] private ScoreSheetQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private ScoreSheetView? _view;
    private string? _refusal, _party;
    private bool _unavailable;
    /// <summary>The form this request posts, if any: shown even when the sheet moved on since, so its post is answered.</summary>
    private string? PostedForm { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        _party = AssessmentPlaces.Party(Tree, JurisdictionCode, Department);
        Read<ScoreSheetView> read;
        try
        {
            read = await Query.LoadAsync(JurisdictionCode, Year, Department, person, HttpContext.RequestAborted);
        }
        catch (RpcException)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        (_view, _refusal) = (read.Value, read.Refusal);
        if (read.NotShown) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
        if (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType)
            PostedForm = (await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted))["_handler"].ToString();
    }

    private string? Confirmation => Done switch
    {
        "vetoed" => "一票否优已记录：本年度不得评为优秀。",
        "withdrawn" => "一票否优已撤销，撤销理由留存可查。",
        _ => null,
    };
}
