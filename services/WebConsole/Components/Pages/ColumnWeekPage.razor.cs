using Ducha.WebConsole.Exposure;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// A column's week as a calendar (Monday to Sunday, Beijing dates, ← 上一周 / 下一周 → by <c>?week=</c>), its count
/// against the minimum, and — for its own office — the forms to propose, schedule and record an airing. A column the
/// service will not show this person is answered 404 with no data, as a case is.
/// </summary>
public sealed partial class ColumnWeekPage
{
    [SupplyParameterFromQuery(Name = "week")] private string? Week { get; set; }
    [Inject] private ColumnWeekQuery Query { get; set; } = null!;

    protected override Task<ColumnWeek?> LoadAsync(SignedInPerson person, CancellationToken cancellationToken) =>
        Query.LoadAsync(Id, Week, person, cancellationToken);

    private string? Confirmation => Done switch
    {
        "proposed" => "选题已提交，可在“安排节目”中选用。",
        "scheduled" => "节目已安排。",
        "aired" => "已记录播出；各问题由下一级办公室在播出后 5 个工作日内回访整改，并据此立案交办。",
        _ => null,
    };
}
