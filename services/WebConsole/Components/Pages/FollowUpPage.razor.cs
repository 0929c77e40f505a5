using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Exposure;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// One aired problem's follow-up: the problem, its deadline in working days and, for the office that owes it, the form to
/// record the return visit and the follow-up broadcast. One the service will not show this person is answered 404.
/// </summary>
public sealed partial class FollowUpPage
{
    [Parameter] public string Id { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [Inject] private FollowUpsQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private FollowUpSheet? _sheet;
    private bool _unavailable;
    private string? _posted;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        try
        {
            _sheet = await Query.OneAsync(Id, person, HttpContext.RequestAborted);
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

    private static string Day(string wire) => ExposureWords.ParseDate(wire) is { } date ? ExposureWords.Date(date) : wire;

    private static bool Open(Contracts.Exposure.V1.ExposureProblem problem) => problem.ReturnVisit is null || problem.FollowUpBroadcast is null;
}
