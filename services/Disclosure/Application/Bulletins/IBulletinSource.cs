using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>What the read model says of a jurisdiction's period, as a bulletin's content: counts and one row per case transferred in.</summary>
public interface IBulletinSource
{
    Task<BulletinContent> ComposeAsync(Jurisdiction jurisdiction, BulletinPeriod period, CancellationToken cancellationToken);
}

/// <summary>
/// Asks Cases which of a case's texts contain its sealed reporter values; the values themselves never leave Cases.
/// </summary>
public interface IReporterScreen
{
    /// <summary>The names of <paramref name="texts"/> (field → text) that carry the case's reporter's name, phone or address.</summary>
    /// <param name="provinceCode">The province the case lies in: how far the asking service reaches.</param>
    Task<IReadOnlyList<string>> FieldsNamingReporterAsync(string provinceCode, string caseId, IReadOnlyDictionary<string, string> texts, CancellationToken cancellationToken);
}
