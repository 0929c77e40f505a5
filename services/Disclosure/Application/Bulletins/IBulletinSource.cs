using Ducha.Disclosure.Domain.Bulletins;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>What the read model says of a jurisdiction's period, as a bulletin's content: counts and one row per case transferred in.</summary>
public interface IBulletinSource
{
    Task<BulletinContent> ComposeAsync(Jurisdiction jurisdiction, BulletinPeriod period, CancellationToken cancellationToken);
}

/// <summary>One case's texts as a bulletin would publish them: field name (<c>cases[2].findings</c>) → text.</summary>
public sealed record CaseTexts(string CaseId, IReadOnlyDictionary<string, string> Texts);

/// <summary>
/// Asks Cases which of cases' texts contain their sealed reporter values; the values themselves never leave Cases.
/// </summary>
public interface IReporterScreen
{
    /// <summary>
    /// The names of the texts of <paramref name="cases"/> that carry their own case's reporter's name, phone or address.
    /// Field names are answered as given, so they should tell the cases apart.
    /// </summary>
    /// <param name="provinceCode">The province the cases lie in: how far the asking service reaches.</param>
    Task<IReadOnlyList<string>> FieldsNamingReporterAsync(string provinceCode, IReadOnlyList<CaseTexts> cases, CancellationToken cancellationToken);
}
