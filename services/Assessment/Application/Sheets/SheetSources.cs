using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;

namespace Ducha.Assessment.Application.Sheets;

/// <summary>The scheme an assessing jurisdiction has in force for a year: the latest put in force for that year or before.</summary>
public sealed record SchemeInForce(string SchemeId, string AssessorJurisdictionCode, Audience Audience, int Year, SchemeContent Content);

/// <summary>A current measured value of an indicator (the latest recording for its jurisdiction, year and period).</summary>
public sealed record MeasuredValue(string JurisdictionCode, string IndicatorCode, int Year, Period Period, double Value, string Source);

/// <summary>Where the sheets find schemes in force (implemented over the schemes table).</summary>
public interface ISchemeSource
{
    Task<SchemeInForce?> InForceAsync(string assessorJurisdictionCode, Audience audience, int year, CancellationToken cancellationToken);
}

/// <summary>Where the sheets find measured values (implemented over the measurements table).</summary>
public interface IMeasurementSource
{
    Task<IReadOnlyList<MeasuredValue>> CurrentAsync(IReadOnlyCollection<string> jurisdictionCodes, IReadOnlyCollection<int> years,
        CancellationToken cancellationToken);
}

/// <summary>Where the sheets find what Cases and Exposure reported (implemented over the deduction facts and assessed cases).</summary>
public interface IScoreFacts
{
    /// <summary>The year's deduction facts (with their events) whose place lies within <paramref name="withinJurisdictionCode"/>.</summary>
    Task<IReadOnlyList<DeductionFact>> DeductionsAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken);

    /// <summary>The year's case figures per place jurisdiction within <paramref name="withinJurisdictionCode"/>.</summary>
    Task<IReadOnlyList<CaseFigures>> CaseFiguresAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken);
}
