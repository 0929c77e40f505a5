using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 考核排名: the parties a level assesses for a year in the scheme's order — a table (the record, and what a screen reader
/// reads) with a bar chart of the totals drawn from it, each row and bar opening the party's sheet — and the freeze, once,
/// for the level's own office; once frozen, the chain head and the public page. An office above reads a level below with
/// <c>?jurisdiction=</c>; one outside its reach is answered 404 with no data.
/// </summary>
public sealed partial class RankingsPage
{
    [Parameter] public int Year { get; set; }
    [SupplyParameterFromQuery(Name = "audience")] private string? AudienceAsked { get; set; }
    [SupplyParameterFromQuery(Name = "jurisdiction")] private string? Jurisdiction { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [Inject] private RankingQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;

    private RankingView? _view;
    private string? _refusal, _place;
    private bool _notAllowed, _unavailable;
    private string? PostedForm { get; set; }

    private Audience Audience => AudienceAsked == "departments" ? Audience.Departments : Audience.Subordinates;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        var code = string.IsNullOrEmpty(Jurisdiction) ? person.JurisdictionCode : Jurisdiction;
        _place = AssessmentPlaces.FullName(Tree, code);
        if (!AssessmentYears.MaySee(person))
        {
            _notAllowed = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status403Forbidden);
            return;
        }
        Read<RankingView> read;
        try
        {
            read = await Query.LoadAsync(code, Year, Audience, person, HttpContext.RequestAborted);
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
}
