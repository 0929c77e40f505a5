using Ducha.BuildingBlocks;
using Ducha.Contracts.Assessment.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Intake;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Assessment;

/// <summary>A measured value as the list shows it, with its indicator's name and unit from the scheme (the code where it has none).</summary>
public sealed record MeasurementRow(Measurement Measurement, string Indicator, string Unit, string RecordedBy);

/// <summary>
/// 监测值 of one jurisdiction for a year: the environmental-quality indicators of the scheme that assesses it (the one
/// applying to the year, else the assessing level's draft for it), every value recorded — replaced ones kept — and the
/// places this person may pick instead (its own and, for an office above a county, those directly below).
/// </summary>
public sealed record IndicatorsDesk(int Year, string JurisdictionCode, string Place, Scheme? Scheme, IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<MeasurementRow> Measurements, bool MoreMeasurements, IReadOnlyList<Jurisdiction> Places, bool MayRecord);

/// <summary>Reads a jurisdiction's measured values with ListSchemes and ListMeasurements, as the signed-in person.</summary>
public sealed class IndicatorsQuery(ConsoleAssessmentClient assessment, JurisdictionTree tree)
{
    public const int PageSize = 200;

    /// <summary>The desk; null when the place is none this person may see (not its own nor below it).</summary>
    public async Task<IndicatorsDesk?> LoadAsync(string code, int year, SignedInPerson person, CancellationToken cancellationToken)
    {
        var places = Places(person);
        if (places.All(p => p.Code != code)) return null;
        var schemes = assessment.ListSchemesAsync(new ListSchemesRequest { JurisdictionCode = code, PageSize = 100 }, cancellationToken: cancellationToken);
        MeasurementPage page;
        try
        {
            page = await assessment.ListMeasurementsAsync(new ListMeasurementsRequest { JurisdictionCode = code, Year = year, PageSize = PageSize },
                cancellationToken: cancellationToken);
            await schemes;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
        var scheme = AssessmentPlaces.AssessingLevel(tree, code) is { } assessor
            ? SchemeChoice.ApplyingOrDraft((await schemes).Schemes, assessor, Audience.Subordinates, year)
            : null;
        var indicators = scheme?.Content?.Programmes.SelectMany(p => p.Indicators).Where(i => i.Kind == IndicatorKind.EnvironmentalQuality).ToList() ?? [];
        var byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var rows = page.Measurements.Select(m => new MeasurementRow(m, byCode.GetValueOrDefault(m.IndicatorCode)?.Name ?? m.IndicatorCode,
            byCode.GetValueOrDefault(m.IndicatorCode)?.Unit ?? "", AssessmentPlaces.Name(tree, m.RecordedByJurisdictionCode))).ToList();
        return new IndicatorsDesk(year, code, AssessmentPlaces.FullName(tree, code), scheme, indicators, rows, page.NextPageToken.Length > 0, places,
            person.Role is Role.Office or Role.Assessor or Role.LeadDepartment && indicators.Count > 0);
    }

    /// <summary>The person's own place, then those directly below it where it has any.</summary>
    public IReadOnlyList<Jurisdiction> Places(SignedInPerson person)
    {
        var own = tree.Get(person.JurisdictionCode);
        return person.Role == Role.LeadDepartment || own.Level >= JurisdictionLevel.County ? [own] : [own, .. PlacePicker.Children(tree, own.Code)];
    }
}
