using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Secondment;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 抽调花名册: the level's cadres with their current terms, days to the term's end and 轮换到期 (with the planned
/// successor) flagged; the forms to register, second, plan a rotation, grade and end a secondment.
/// </summary>
public sealed partial class SecondmentRosterPage
{
    [SupplyParameterFromQuery(Name = "page")] private string? PageToken { get; set; }
    [Inject] private RosterQuery Query { get; set; } = null!;

    // Every level has a roster, so the query always answers one: this page has no 404.
    protected override async Task<Read<Roster>> ReadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Read.Shown(await Query.LoadAsync(person, PageToken, cancellationToken));

    private string? Confirmation => Done switch
    {
        "registered" => "干部已登记。",
        "seconded" => "已抽调，花名册显示其任期。",
        "ended" => "抽调已结束，干部明天起回原单位工作。",
        "rotation" => "轮岗计划已保存。",
        _ => null,
    };
}
