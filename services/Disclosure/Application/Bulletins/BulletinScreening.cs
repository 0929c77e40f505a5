using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// The checks every publication passes: the cases' texts go to Cases, all in one pass, which answers which of them carry
/// their case's reporter, and all texts are scanned for mobile and ID-card numbers. Fields are named as the table shows
/// them (<c>cases[2].findings</c>), so an office knows which case to correct.
/// </summary>
public sealed class BulletinScreening(IReporterScreen reporters, Reference.Jurisdictions.JurisdictionTree tree)
{
    public async Task<RedactionVerdict> ScreenAsync(BulletinContent content, CancellationToken cancellationToken)
    {
        var here = tree.Get(content.JurisdictionCode);
        var province = here.ParentCode is null ? here.Code : tree.Ancestors(here.Code)[^1].Code;
        var cases = content.Cases.Select(row => new CaseTexts(row.CaseId, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"cases[{row.Number}].place"] = row.Place,
            [$"cases[{row.Number}].basic_facts"] = row.BasicFacts,
            [$"cases[{row.Number}].findings"] = row.Findings,
            [$"cases[{row.Number}].result"] = row.Result,
            [$"cases[{row.Number}].rectification"] = row.Rectification,
        })).ToList();
        var reporterFields = await reporters.FieldsNamingReporterAsync(province, cases, cancellationToken);
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = content.Title };
        foreach (var (field, text) in cases.SelectMany(c => c.Texts)) all[field] = text;
        return new RedactionVerdict(reporterFields, RedactionVerdict.ScanPatterns(all));
    }
}
