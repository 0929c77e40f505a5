using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.CaseList;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Sessions;

namespace Ducha.WebConsole.Overview;

/// <summary>The overview of one office's jurisdiction: a row per place below it, the total, and the two focus lists.</summary>
public sealed record OverviewReport(string Place, IReadOnlyList<OverviewRow> Rows, OverviewRow Total,
    CaseListPage Repeated, CaseListPage BuckPassing);

/// <summary>
/// 总览 for the signed-in office: <c>CountCases</c> for its jurisdiction (statuses, overdue, buck-passing), summed per
/// place directly below it (a count further down belongs to the place above it on the way); the focus lists as the first page of <c>ListCases</c> with <c>min_repeat_count</c> and
/// <c>buck_passing_only</c>. Every figure is the services' own, so the drill-down lists hold exactly what was counted.
/// </summary>
public sealed class OverviewQuery(ConsoleCasesClient cases, CaseListQuery lists, JurisdictionTree tree)
{
    public const int FocusSize = 10;

    public async Task<OverviewReport> ReportAsync(string root, CancellationToken cancellationToken)
    {
        var counts = await cases.CountCasesAsync(new CountCasesRequest { JurisdictionCode = root }, cancellationToken: cancellationToken);
        var children = PlacePicker.Children(tree, root);
        var byChild = children.ToDictionary(c => c.Code, _ => new JurisdictionCaseCount());
        var own = new JurisdictionCaseCount { JurisdictionCode = root };
        foreach (var count in counts.Counts)
            OverviewRow.Add(ChildOf(count.JurisdictionCode, children) is { } child ? byChild[child.Code] : own, count);

        // Every place below is shown, those without cases too.
        var rows = children.Select(c => new OverviewRow(c.Name, c.Code, byChild[c.Code])).ToList();
        var total = new JurisdictionCaseCount { JurisdictionCode = root };
        foreach (var count in counts.Counts) OverviewRow.Add(total, count);
        if (own.Total > 0 || children.Count == 0)
            rows.Insert(0, new OverviewRow($"{tree.Get(root).Name}（本级）", children.Count == 0 ? root : null, own));

        var repeated = lists.PageAsync(new CaseListFilter(root, MinRepeat: 1), null, FocusSize, cancellationToken);
        var flagged = lists.PageAsync(new CaseListFilter(root, BuckPassing: true), null, FocusSize, cancellationToken);
        return new OverviewReport(SignedInPerson.FullName(tree, root), rows, new OverviewRow("合计", root, total), await repeated, await flagged);
    }

    /// <summary>The place directly below the office on the way to <paramref name="code"/>; null for the office's own level.</summary>
    private Jurisdiction? ChildOf(string code, IReadOnlyList<Jurisdiction> children) =>
        children.FirstOrDefault(c => tree.IsWithin(code, c.Code));
}
