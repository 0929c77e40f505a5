using Ducha.Contracts.Assessment.V1;

namespace Ducha.WebConsole.Assessment;

/// <summary>
/// Which scheme applies to a year: of one assessing level and audience, the one in force from the latest year not after
/// it (a scheme applies from its year until a later year's is in force, so one superseded later still applies before).
/// </summary>
public static class SchemeChoice
{
    public static bool Applies(Scheme scheme, int year, IEnumerable<Scheme> all) =>
        ReferenceEquals(Applying(all, scheme.JurisdictionCode, scheme.Audience, year), scheme);

    public static Scheme? Applying(IEnumerable<Scheme> all, string assessorCode, Audience audience, int year) =>
        all.Where(s => s.JurisdictionCode == assessorCode && s.Audience == audience && s.Year <= year
                       && s.State is SchemeState.InForce or SchemeState.Superseded)
            .MaxBy(s => s.Year);

    /// <summary>The scheme applying, or else the level's draft for the year (values may be recorded before it is put in force).</summary>
    public static Scheme? ApplyingOrDraft(IEnumerable<Scheme> all, string assessorCode, Audience audience, int year)
    {
        var schemes = all.ToList();
        return Applying(schemes, assessorCode, audience, year)
            ?? schemes.Where(s => s.JurisdictionCode == assessorCode && s.Audience == audience && s.Year == year && s.State == SchemeState.Draft)
                .MaxBy(s => s.CreatedAt?.ToDateTimeOffset());
    }
}
