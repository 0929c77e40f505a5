using System.Collections.Concurrent;
using Ducha.Assessment.Application.Sheets;
using Ducha.Assessment.Domain.Facts;
using Ducha.Assessment.Domain.Schemes;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Services.Tests.Assessment;

/// <summary>
/// Schemes in force, measured values and facts held in memory, standing in for the schemes and facts parts of the
/// service, so the sheets' use cases are driven over gRPC and REST with exactly the inputs a test names. Tests only.
/// </summary>
public sealed class FakeSheetSources : ISchemeSource, IMeasurementSource, IScoreFacts
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();
    private readonly ConcurrentDictionary<(string, Audience), SchemeInForce> _schemes = new();
    private readonly ConcurrentQueue<MeasuredValue> _measured = new();
    private readonly ConcurrentQueue<DeductionFact> _facts = new();
    private readonly ConcurrentQueue<CaseFigures> _figures = new();

    public string PutInForce(string assessor, Audience audience, SchemeContent content)
    {
        var scheme = new SchemeInForce(Guid.CreateVersion7().ToString(), assessor, audience, 2024, content);
        _schemes[(assessor, audience)] = scheme;
        return scheme.SchemeId;
    }

    public void Measure(string code, params IEnumerable<Ducha.Assessment.Domain.Sheets.IndicatorMeasurement> values)
    {
        foreach (var v in values) _measured.Enqueue(new MeasuredValue(code, v.IndicatorCode, v.Year, v.Period, v.Value, v.Source));
    }

    public void Add(params IEnumerable<DeductionFact> facts)
    {
        foreach (var fact in facts) _facts.Enqueue(fact);
    }

    public void Add(CaseFigures figures) => _figures.Enqueue(figures);

    public Task<SchemeInForce?> InForceAsync(string assessorJurisdictionCode, Audience audience, int year, CancellationToken cancellationToken) =>
        Task.FromResult(_schemes.TryGetValue((assessorJurisdictionCode, audience), out var scheme) && scheme.Year <= year ? scheme : null);

    public Task<IReadOnlyList<MeasuredValue>> CurrentAsync(IReadOnlyCollection<string> jurisdictionCodes, IReadOnlyCollection<int> years,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MeasuredValue>>([.. _measured.Where(m => jurisdictionCodes.Contains(m.JurisdictionCode) && years.Contains(m.Year))]);

    public Task<IReadOnlyList<DeductionFact>> DeductionsAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeductionFact>>([.. _facts.Where(f => f.Year == year && Tree.IsWithin(f.PlaceJurisdictionCode, withinJurisdictionCode))]);

    public Task<IReadOnlyList<CaseFigures>> CaseFiguresAsync(int year, string withinJurisdictionCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaseFigures>>([.. _figures.Where(f => Tree.IsWithin(f.PlaceJurisdictionCode, withinJurisdictionCode))]);
}
