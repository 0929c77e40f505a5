using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 环境质量监测值: the values recorded for a place and year (replaced ones struck through), and the form that records one
/// against the environmental-quality indicators of the scheme that assesses the place. An office picks its own place or
/// one directly below; a place outside its reach is answered 404 with no data.
/// </summary>
public sealed partial class IndicatorsPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "jurisdiction")] private string? Jurisdiction { get; set; }
    [SupplyParameterFromQuery(Name = "year")] private int? YearAsked { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] private string? Picked { get; set; }
    [Inject] private IndicatorsQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private IndicatorsDesk? _desk;
    private bool _notAllowed, _unavailable;

    private int Year => AssessmentYears.Asked(YearAsked, Time);

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is null || SignedInPerson.From(HttpContext.User, Tree) is not { } person) return;
        if (!AssessmentYears.MaySee(person))
        {
            _notAllowed = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status403Forbidden);
            return;
        }
        try
        {
            _desk = await Query.LoadAsync(string.IsNullOrEmpty(Jurisdiction) ? person.JurisdictionCode : Jurisdiction, Year, person, HttpContext.RequestAborted);
        }
        catch (RpcException)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
            return;
        }
        if (_desk is null) PageStatus.AnswerWith(HttpContext, StatusCodes.Status404NotFound);
    }
}
