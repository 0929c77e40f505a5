using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>
/// Computes every sheet of a level's audience for a year in one pass under the scheme in force, and ranks them: the
/// facts of the level's subtree, its case figures, measured values, vetoes and duty reports are each read once, so a
/// province's cities cost one read of each however many there are.
/// </summary>
public sealed class LiveResults(AssessmentDbContext db, ISchemeSource schemes, IMeasurementSource measurements, IScoreFacts facts, JurisdictionTree tree,
    TimeProvider time)
{
    public async Task<LevelResults> ComputeAsync(string assessor, Audience audience, int year, CancellationToken cancellationToken)
    {
        var scheme = await schemes.InForceAsync(assessor, audience, year, cancellationToken)
            ?? throw new DomainRuleException($"No assessment scheme of {assessor} for {Words(audience)} is in force for {year}: put one in force first.");
        var computedAt = time.GetStoredUtcNow();
        var parties = AssessedParties.Of(tree, assessor, audience, scheme.Content);
        var deductions = await facts.DeductionsAsync(year, assessor, cancellationToken);
        var figures = audience == Audience.Subordinates ? await facts.CaseFiguresAsync(year, assessor, cancellationToken) : [];
        int[] years = [.. scheme.Content.Programmes.SelectMany(p => p.Indicators).Select(i => i.BaselineYear).Where(y => y > 0).Append(year).Append(year - 1).Distinct()];
        var measured = (await measurements.CurrentAsync([.. parties.Select(p => p.JurisdictionCode).Distinct()], years, cancellationToken))
            .ToLookup(m => m.JurisdictionCode);
        var vetoes = await VetoesInForceAsync(assessor, audience, year, cancellationToken);
        var filed = await FiledAsync(assessor, audience, year, cancellationToken);
        var sheets = parties.Select(party => ScoreSheetCalculator.Compute(new SheetInputs(party, year, assessor, scheme.SchemeId, scheme.Year, scheme.Content,
            party.IsDepartment ? null : CaseFigures.Sum(party.JurisdictionCode, figures.Where(f => tree.IsWithin(f.PlaceJurisdictionCode, party.JurisdictionCode))),
            [.. measured[party.JurisdictionCode].Select(m => new IndicatorMeasurement(m.IndicatorCode, m.Year, m.Period, m.Value, m.Source))],
            deductions, [.. vetoes[party]], AssessedParties.DutyReportStanding(tree, party, filed), Ducha.Reference.Calendar.BeijingTime.DateOf(computedAt)), tree));
        var ranked = Ranking.Order(sheets, scheme.Content.RankingOrder);
        return new LevelResults(assessor, year, audience, scheme.SchemeId, scheme.Content.RankingOrder,
            [.. ranked.Select(r => new PartySheet(r.Sheet, r.Rank, ranked.Count, computedAt, Frozen: false))], Frozen: false);
    }

    private async Task<ILookup<AssessedParty, SheetVeto>> VetoesInForceAsync(string assessor, Audience audience, int year, CancellationToken cancellationToken)
    {
        var ofDepartments = audience == Audience.Departments;
        var vetoes = await db.Vetoes.AsNoTracking()
            .Where(v => v.Year == year && !v.Withdrawn && v.AssessorJurisdictionCode == assessor && (v.Department != "") == ofDepartments)
            .ToListAsync(cancellationToken);
        return vetoes.OrderBy(v => v.RecordedAt).ToLookup(v => v.Party, v => v.ToSheet());
    }

    private async Task<IReadOnlySet<AssessedParty>> FiledAsync(string assessor, Audience audience, int year, CancellationToken cancellationToken)
    {
        var prefix = assessor[..tree.Get(assessor).PrefixLength];
        var reports = audience == Audience.Departments
            ? db.DutyReports.Where(r => r.Year == year && r.JurisdictionCode == assessor && r.Department != "")
            : db.DutyReports.Where(r => r.Year == year && r.Department == "" && r.JurisdictionCode.StartsWith(prefix));
        var filed = await reports.AsNoTracking().Select(r => new { r.JurisdictionCode, r.Department }).ToListAsync(cancellationToken);
        return filed.Select(r => new AssessedParty(r.JurisdictionCode, r.Department.Length == 0 ? null : r.Department)).ToHashSet();
    }

    public static string Words(Audience audience) => audience == Audience.Departments ? "its departments" : "its subordinate jurisdictions";
}
