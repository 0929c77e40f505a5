using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Seconded;
using Ducha.Contracts.IntegrationEvents;
using Ducha.EventBus;

namespace Ducha.Assessment.IntegrationEvents;

/// <summary>单列: Secondment sends a seconded cadre's line of the level's separate list after every grade; the fullest line is kept.</summary>
public sealed class SecondedCadreHandler(AssessmentDbContext db) : IIntegrationEventHandler<CadreEvaluated>
{
    public async Task HandleAsync(CadreEvaluated @event, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var line = new SecondedCadreGrades(Grade(@event.OfficeGrade), Grade(@event.HomeUnitGrade), Parse<CadreGrade>(@event.Overall),
            Parse<CadreRecommendation>(@event.Recommendation),
            [.. @event.Record.Select(r => new CadreGradeRecord(Parse<CadreEvaluator>(r.Evaluator), Parse<CadreGrade>(r.Grade), r.Remarks, r.RecordedAt))]);
        var kept = await db.SecondedCadreResults.FindAsync([@event.SecondmentId, @event.Year], cancellationToken);
        if (kept is null)
        {
            kept = new SecondedCadreResult
            {
                SecondmentId = @event.SecondmentId, Year = @event.Year, JurisdictionCode = @event.JurisdictionCode, CadreId = @event.CadreId,
                CadreName = @event.CadreName, HomeJurisdictionCode = @event.HomeJurisdictionCode, HomeUnit = @event.HomeUnit, PostName = @event.PostName,
            };
            db.SecondedCadreResults.Add(kept);
        }
        kept.Take(line, @event.At);
    }

    private static CadreGrade? Grade(string? wire) => wire is null ? null : Parse<CadreGrade>(wire);

    // The wire carries the proto's value names (BASICALLY_COMPETENT); an unknown one fails the event rather than guess.
    private static TEnum Parse<TEnum>(string wire) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(wire.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
