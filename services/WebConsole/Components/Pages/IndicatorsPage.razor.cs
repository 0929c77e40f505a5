using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 环境质量监测值: the values recorded for a place and year (replaced ones struck through), and the form that records one
/// against the environmental-quality indicators of the scheme that assesses the place. An office picks its own place or
/// one directly below; a place outside its reach is answered 404 with no data.
/// </summary>
public sealed partial class IndicatorsPage
{
    [SupplyParameterFromQuery(Name = "jurisdiction")] private string? Jurisdiction { get; set; }
    [SupplyParameterFromQuery(Name = "year")] private int? YearAsked { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] private string? Picked { get; set; }
    [Inject] private IndicatorsQuery Query { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private int Year => AssessmentYears.Asked(YearAsked, Time);

    protected override bool MayUse(SignedInPerson person) => AssessmentYears.MaySee(person);

    protected override async Task<Read<IndicatorsDesk>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Read.Shown(await Query.LoadAsync(string.IsNullOrEmpty(Jurisdiction) ? person.JurisdictionCode : Jurisdiction, Year, person, cancellationToken));
}
