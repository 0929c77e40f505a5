using Ducha.Contracts.Assessment.V1;
using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
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
    [Inject] private RankingQuery Query { get; set; } = null!;

    private Audience Audience => AudienceAsked == "departments" ? Audience.Departments : Audience.Subordinates;

    /// <summary>The level ranked: the one asked for, else the person's own.</summary>
    private string Code(SignedInPerson person) => string.IsNullOrEmpty(Jurisdiction) ? person.JurisdictionCode : Jurisdiction;

    /// <summary>The level's whole name for the heading, which stands over every answer, a refusal or a 403 too.</summary>
    private string? Place => Person is { } person ? AssessmentPlaces.FullName(Tree, Code(person)) : null;

    protected override bool MayUse(SignedInPerson person) => AssessmentYears.MaySee(person);

    protected override Task<Read<RankingView>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Query.LoadAsync(Code(person), Year, Audience, person, cancellationToken);
}
