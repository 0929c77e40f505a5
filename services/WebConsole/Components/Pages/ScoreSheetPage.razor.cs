using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
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
    [Inject] private ScoreSheetQuery Query { get; set; } = null!;

    /// <summary>The party as the address names it, for the heading over a refusal, when there is no sheet to name it.</summary>
    private string Party => AssessmentPlaces.Party(Tree, JurisdictionCode, Department);

    protected override Task<Read<ScoreSheetView>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Query.LoadAsync(JurisdictionCode, Year, Department, person, cancellationToken);

    private string? Confirmation => Done switch
    {
        "vetoed" => "一票否优已记录：本年度不得评为优秀。",
        "withdrawn" => "一票否优已撤销，撤销理由留存可查。",
        _ => null,
    };
}
