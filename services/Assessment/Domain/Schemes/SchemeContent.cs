namespace Ducha.Assessment.Domain.Schemes;

/// <summary>
/// What a scheme (考核方案) says: its special assessments (one per programme, with indicators and weights), its deduction
/// rules with caps, its rating bands and ranking order. Data, not code: each level copies and adapts it.
/// </summary>
public sealed record SchemeContent(
    string Title,
    bool Example,
    IReadOnlyList<ProgrammeSpec> Programmes,
    IReadOnlyList<DeductionRule> DeductionRules,
    double DeductionCap,
    IReadOnlyList<RatingBand> Bands,
    RankingOrder RankingOrder);

/// <summary>A programme of 两减六治三提升 as a special assessment (专项考核) run by its lead department.</summary>
public sealed record ProgrammeSpec(
    string Code,
    string Name,
    string LeadDepartment,
    IReadOnlyList<string> PartnerDepartments,
    double Weight,
    IReadOnlyList<IndicatorSpec> Indicators);

/// <summary>
/// An indicator with its unit, direction, baseline and target. <see cref="BaselineValue"/> serves a party that has no
/// year-end value recorded for <see cref="BaselineYear"/>.
/// </summary>
public sealed record IndicatorSpec(
    string Code,
    string Name,
    IndicatorKind Kind,
    string Unit,
    Direction Direction,
    int BaselineYear,
    double? BaselineValue,
    TargetForm TargetForm,
    double Target,
    double Points);

/// <summary>How much a kind of deduction costs, the most it may take, and who it is charged to.</summary>
public sealed record DeductionRule(DeductionKind Kind, string Name, double Points, double Cap, ChargedParty Charged);

/// <summary>The lowest total that earns <see cref="Rating"/>.</summary>
public sealed record RatingBand(Rating Rating, double MinTotal);
