using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 考核: a level's assessment desk for a year — the schemes that apply, the forms that make one (from the example, or a
/// copy of the level above's), the rankings and the party's own sheet, the duty reports owed and the year's vetoes.
/// </summary>
public sealed partial class AssessmentDeskPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [SupplyParameterFromQuery(Name = "year")] private int? YearAsked { get; set; }
    [SupplyParameterFromQuery(Name = "done")] private string? Done { get; set; }
    [Inject] private AssessmentDeskQuery Query { get; set; } = null!;
    [Inject] private JurisdictionTree Tree { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private AssessmentDesk? _desk;
    private bool _notAllowed, _unavailable;

    private int Year => AssessmentYears.Asked(YearAsked, Time);

    private IEnumerable<int> Years => AssessmentYears.Around(AssessmentWords.ThisYear(Time), Year);

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
            _desk = await Query.LoadAsync(person, Year, HttpContext.RequestAborted);
        }
        catch (RpcException)
        {
            _unavailable = true;
            PageStatus.AnswerWith(HttpContext, StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IReadOnlyList<Audience> Audiences(AssessmentDesk desk) =>
        desk.Level < JurisdictionLevel.County ? [Audience.Subordinates, Audience.Departments] : [Audience.Departments];

    private string? Confirmation => Done switch
    {
        "duty-report" => "环境责任报告已报送。",
        _ => null,
    };
}
