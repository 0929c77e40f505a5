namespace Ducha.Assessment.Domain.Facts;

/// <summary>
/// A year's cases of one place jurisdiction as the outcome indicators count them: how many came in, were closed, never
/// went past a deadline, were reported, had their rectification verified, and closed with the reporter satisfied.
/// </summary>
public sealed record CaseFigures(string PlaceJurisdictionCode, int Cases, int Closed, int NeverOverdue, int Reported, int Verified, int Satisfied)
{
    public static CaseFigures Sum(string code, IEnumerable<CaseFigures> parts)
    {
        int cases = 0, closed = 0, onTime = 0, reported = 0, verified = 0, satisfied = 0;
        foreach (var p in parts)
        {
            cases += p.Cases; closed += p.Closed; onTime += p.NeverOverdue; reported += p.Reported; verified += p.Verified; satisfied += p.Satisfied;
        }
        return new CaseFigures(code, cases, closed, onTime, reported, verified, satisfied);
    }
}
