using Ducha.Contracts.IntegrationEvents;
using Ducha.Secondment.Domain;

namespace Ducha.Secondment.Application.Secondments;

/// <summary>单列 goes to Assessment: a cadre's line of the level's separate list, as it stands after a grade, as the event that carries it.</summary>
internal static class SeparateListLine
{
    public static CadreEvaluated Event(AnnualAssessment line, int year, DateTimeOffset now)
    {
        var term = line.Term;
        return new CadreEvaluated(term.Id, term.CadreId, term.CadreName, term.HomeJurisdictionCode, term.HomeUnit, term.JurisdictionCode, term.PostName, year,
            line.OfficeGrade is { } office ? WireNames.Of(office) : null,
            line.HomeUnitGrade is { } home ? WireNames.Of(home) : null,
            WireNames.Of(line.Overall!.Value), WireNames.Of(line.Recommendation),
            [.. line.Record.OrderBy(e => e.RecordedAt).Select(e => new CadreGradeEntry(WireNames.Of(e.Evaluator), WireNames.Of(e.Grade), e.Remarks, e.RecordedAt))],
            now);
    }
}
