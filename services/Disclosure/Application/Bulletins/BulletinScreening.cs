using Ducha.Disclosure.Domain.Bulletins;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>
/// The checks every publication passes: each case's texts go to Cases, which answers whether they carry that case's
/// reporter, and all texts are scanned for mobile and ID-card numbers. Fields are named as the table shows them
/// (<c>cases[2].findings</c>), so an office knows which case to correct.
/// </summary>
public sealed class BulletinScreening(IReporterScreen reporters, Reference.Jurisdictions.JurisdictionTree tree)
{
    public async Task<RedactionVerdict> ScreenAsync(BulletinContent content, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = content.Title };
        var here = tree.Get(content.JurisdictionCode);
        var province = here.ParentCode is null ? here.Code : tree.Ancestors(here.Code)[^1].Code;
        var reporterFields = new List<string>();
        foreach (var row in content.Cases)
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [$"cases[{row.Number}].place"] = row.Place,
                [$"cases[{row.Number}].basic_facts"] = row.BasicFacts,
                [$"cases[{row.Number}].findings"] = row.Findings,
                [$"cases[{row.Number}].result"] = row.Result,
                [$"cases[{row.Number}].rectification"] = row.Rectification,
            };
            reporterFields.AddRange(await reporters.FieldsNamingReporterAsync(province, row.CaseId, texts, cancellationToken));
            foreach (var (field, text) in texts) all[field] = text;
        }
        return new RedactionVerdict(reporterFields, RedactionVerdict.ScanPatterns(all));
    }
}
