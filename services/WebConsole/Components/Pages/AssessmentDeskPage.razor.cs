using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 考核: a level's assessment desk for a year — the schemes that apply, the forms that make one (from the example, or a
/// copy of the level above's), the rankings and the party's own sheet, the duty reports owed and the year's vetoes.
/// </summary>
public sealed partial class AssessmentDeskPage
{
    [SupplyParameterFromQuery(Name = "year")] private int? YearAsked { get; set; }
    [Inject] private AssessmentDeskQuery Query { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private int Year => AssessmentYears.Asked(YearAsked, Time);

    private IEnumerable<int> Years => AssessmentYears.Around(AssessmentWords.ThisYear(Time), Year);

    protected override bool MayUse(SignedInPerson person) => AssessmentYears.MaySee(person);

    // Every level has a desk, so the query always answers one: this page has no 404.
    protected override async Task<Read<AssessmentDesk>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Read.Shown(await Query.LoadAsync(person, Year, cancellationToken));

    private static IReadOnlyList<Audience> Audiences(AssessmentDesk desk) =>
        desk.Level < JurisdictionLevel.County ? [Audience.Subordinates, Audience.Departments] : [Audience.Departments];

    private string? Confirmation => Done switch
    {
        "duty-report" => "环境责任报告已报送。",
        _ => null,
    };
}
