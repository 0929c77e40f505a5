using Ducha.WebConsole.Assessment;
using Ducha.WebConsole.Sessions;
using Microsoft.AspNetCore.Components;

namespace Ducha.WebConsole.Components.Pages;

/// <summary>
/// 考核方案: one scheme as it reads — its special assessments with their indicators and targets in words, its deduction
/// rules, bands and order, the example marked as such — and, for the level's own draft, the forms that revise its figures
/// and put it in force. A scheme the service does not show this person is answered 404 with no data.
/// </summary>
public sealed partial class SchemePage
{
    [Inject] private SchemeSheetQuery Query { get; set; } = null!;

    protected override Task<SchemeSheet?> LoadAsync(SignedInPerson person, CancellationToken cancellationToken) => Query.LoadAsync(Id, person, cancellationToken);

    private string? Confirmation => Done switch
    {
        "created" => "已以示例方案新建草稿。请按本地实际修改分值后施行。",
        "copied" => "已复制为本级草稿。请按本地实际修改后施行。",
        "revised" => "修改已保存。",
        "in-force" => "方案已施行，此后不能修改；以后年度可另定方案取代。",
        _ => null,
    };
}
