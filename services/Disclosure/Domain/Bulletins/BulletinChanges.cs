namespace Ducha.Disclosure.Domain.Bulletins;

/// <summary>What a correction changed, in words a reader of the public page understands.</summary>
public static class BulletinChanges
{
    public static IReadOnlyList<string> Between(BulletinContent before, BulletinContent after)
    {
        var changes = new List<string>();
        void Count(string what, int old, int now)
        {
            if (old != now) changes.Add($"{what}由{old}件更正为{now}件");
        }
        Count("交办件数", before.Transferred, after.Transferred);
        Count("已办结件数", before.Closed, after.Closed);
        Count("正在办理件数", before.InHand, after.InHand);
        Count("逾期件数", before.Overdue, after.Overdue);
        if (before.Accountability.ToChinese() != after.Accountability.ToChinese())
            changes.Add($"问责人数由“{before.Accountability.ToChinese()}”更正为“{after.Accountability.ToChinese()}”");
        if (before.ToDate is { } sinceBefore && after.ToDate is { } sinceAfter)
        {
            Count("累计交办件数", sinceBefore.Transferred, sinceAfter.Transferred);
            Count("累计已办结件数", sinceBefore.Closed, sinceAfter.Closed);
            Count("累计正在办理件数", sinceBefore.InHand, sinceAfter.InHand);
            Count("累计逾期件数", sinceBefore.Overdue, sinceAfter.Overdue);
            if (sinceBefore.Accountability.ToChinese() != sinceAfter.Accountability.ToChinese())
                changes.Add($"累计问责人数由“{sinceBefore.Accountability.ToChinese()}”更正为“{sinceAfter.Accountability.ToChinese()}”");
        }
        var old = before.Cases.ToDictionary(c => c.CaseId);
        var current = after.Cases.ToDictionary(c => c.CaseId);
        foreach (var added in after.Cases.Where(c => !old.ContainsKey(c.CaseId)))
            changes.Add($"增列附表第{added.Number}号（{added.Place}）");
        foreach (var removed in before.Cases.Where(c => !current.ContainsKey(c.CaseId)))
            changes.Add($"删去原附表第{removed.Number}号（{removed.Place}）");
        foreach (var row in after.Cases.Where(c => old.ContainsKey(c.CaseId)))
        {
            var was = old[row.CaseId];
            var fields = new List<string>();
            if (was.BasicFacts != row.BasicFacts) fields.Add("基本情况");
            if (was.Findings != row.Findings) fields.Add("调查核实情况");
            if (was.Result != row.Result) fields.Add("处理结果");
            if (was.Rectification != row.Rectification) fields.Add("整改情况");
            if (was.Accountability.ToChinese() != row.Accountability.ToChinese()) fields.Add("问责情况");
            if (fields.Count > 0) changes.Add($"附表第{row.Number}号（{row.Place}）更正了{string.Join("、", fields)}");
        }
        return changes;
    }
}
