using System.Globalization;
using System.Text.RegularExpressions;

namespace Ducha.Assessment.Domain.Schemes;

/// <summary>
/// What a scheme's content must hold before anyone is assessed by it. Each problem names its place in the content as a
/// caller writes it (<c>content.programmes[2].indicators[0].target</c>), so a form can mark the very cell.
/// </summary>
public static partial class SchemeContentRules
{
    public const int MaxTitle = 200, MaxName = 100, MaxUnit = 20, MaxCode = 40, MaxProgrammes = 30, MaxIndicators = 30, MaxPartners = 20,
        MaxRuleName = 50, MaxPoints = 1000, MaxTotal = 1000, EarliestBaselineYear = 2000;

    /// <summary>The kinds figured from what Cases recorded: each is a share of the year's cases, so its unit is "%".</summary>
    public static bool IsComputedFromCases(IndicatorKind kind) => kind != IndicatorKind.EnvironmentalQuality;

    /// <summary>The problems of <paramref name="content"/> for a scheme of <paramref name="year"/>; none when it holds.</summary>
    public static IReadOnlyList<FieldViolation> Check(SchemeContent? content, int year, string path = "content")
    {
        var problems = new List<FieldViolation>();
        void Refuse(string field, string description) => problems.Add(new FieldViolation(field, description));
        if (content is null)
        {
            Refuse(path, "is required");
            return problems;
        }
        Text(content.Title, $"{path}.title", MaxTitle, Refuse);
        CheckProgrammes(content.Programmes ?? [], year, path, Refuse);
        CheckRules(content.DeductionRules ?? [], path, Refuse);
        Amount(content.DeductionCap, $"{path}.deduction_cap", MaxTotal, Refuse);
        CheckBands(content.Bands ?? [], path, Refuse);
        if (!Enum.IsDefined(content.RankingOrder)) Refuse($"{path}.ranking_order", "must be RANKING_ORDER_RATING_THEN_TOTAL or RANKING_ORDER_TOTAL");
        return problems;
    }

    /// <summary>Refuses <paramref name="content"/> with every problem it has.</summary>
    public static void Ensure(SchemeContent? content, int year, string path = "content")
    {
        var problems = Check(content, year, path);
        if (problems.Count > 0) throw new RequestValidationException(problems);
    }

    private static void CheckProgrammes(IReadOnlyList<ProgrammeSpec> programmes, int year, string path, Action<string, string> refuse)
    {
        if (programmes.Count is 0 or > MaxProgrammes)
        {
            refuse($"{path}.programmes", $"must hold 1 to {MaxProgrammes} programmes (one special assessment each)");
            if (programmes.Count == 0) return;
        }
        // Programme and indicator codes share one namespace: a sheet and a measurement name either by its code alone.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (programme, p) in programmes.Take(MaxProgrammes).Select((x, i) => (x, i)))
        {
            var at = $"{path}.programmes[{p}]";
            Code(programme.Code, $"{at}.code", codes, refuse);
            Text(programme.Name, $"{at}.name", MaxName, refuse);
            Text(programme.LeadDepartment, $"{at}.lead_department", MaxName, refuse);
            var partners = programme.PartnerDepartments ?? [];
            if (partners.Count > MaxPartners) refuse($"{at}.partner_departments", $"must hold at most {MaxPartners} departments");
            foreach (var (partner, d) in partners.Take(MaxPartners).Select((x, i) => (x, i)))
                Text(partner, $"{at}.partner_departments[{d}]", MaxName, refuse);
            Amount(programme.Weight, $"{at}.weight", MaxPoints, refuse);
            var indicators = programme.Indicators ?? [];
            // A special assessment scores met points ÷ all points: with nothing to measure it has no score at all.
            if (indicators.Count is 0 or > MaxIndicators) refuse($"{at}.indicators", $"must hold 1 to {MaxIndicators} indicators");
            foreach (var (indicator, i) in indicators.Take(MaxIndicators).Select((x, n) => (x, n)))
                CheckIndicator(indicator, year, $"{at}.indicators[{i}]", codes, refuse);
        }
    }

    private static void CheckIndicator(IndicatorSpec indicator, int year, string at, HashSet<string> codes, Action<string, string> refuse)
    {
        Code(indicator.Code, $"{at}.code", codes, refuse);
        Text(indicator.Name, $"{at}.name", MaxName, refuse);
        Text(indicator.Unit, $"{at}.unit", MaxUnit, refuse);
        var kindKnown = Enum.IsDefined(indicator.Kind);
        if (!kindKnown)
            refuse($"{at}.kind", "must be one of INDICATOR_KIND_PROBLEMS_SOLVED, INDICATOR_KIND_ON_TIME_RATE, INDICATOR_KIND_RECTIFICATION_VERIFIED, "
                + "INDICATOR_KIND_PUBLIC_SATISFACTION, INDICATOR_KIND_ENVIRONMENTAL_QUALITY");
        else if (IsComputedFromCases(indicator.Kind) && indicator.Unit != "%")
            refuse($"{at}.unit", "must be \"%\": this kind is a share of the year's cases");
        if (!Enum.IsDefined(indicator.Direction)) refuse($"{at}.direction", "must be DIRECTION_HIGHER_IS_BETTER or DIRECTION_LOWER_IS_BETTER");
        if (!Enum.IsDefined(indicator.TargetForm))
            refuse($"{at}.target_form", "must be one of TARGET_FORM_ABSOLUTE, TARGET_FORM_PERCENT_CHANGE, TARGET_FORM_AMOUNT_CHANGE");
        var changeForm = indicator.TargetForm is TargetForm.PercentChange or TargetForm.AmountChange;
        // A change is measured from a year already over when the scheme starts (PM2.5 −25 % against 2015 for 2020).
        if (changeForm && (indicator.BaselineYear < EarliestBaselineYear || indicator.BaselineYear >= year))
            refuse($"{at}.baseline_year", $"must be a year from {EarliestBaselineYear} before the scheme's year {year.ToString(CultureInfo.InvariantCulture)}: the target is a change from it");
        else if (!changeForm && indicator.BaselineYear != 0 && (indicator.BaselineYear < EarliestBaselineYear || indicator.BaselineYear >= year))
            refuse($"{at}.baseline_year", $"must be 0, or a year from {EarliestBaselineYear} before the scheme's year {year.ToString(CultureInfo.InvariantCulture)}");
        if (indicator.BaselineValue is { } baseline && (!double.IsFinite(baseline) || Math.Abs(baseline) > 1e12))
            refuse($"{at}.baseline_value", "must be a finite number");
        if (!double.IsFinite(indicator.Target)) refuse($"{at}.target", "must be a finite number");
        else if (indicator.TargetForm == TargetForm.PercentChange && indicator.Target is < -100 or > 1000)
            refuse($"{at}.target", "must be a change between -100 and 1000 %");
        else if (indicator.TargetForm == TargetForm.Absolute && indicator.Unit == "%" && indicator.Target is < 0 or > 100)
            refuse($"{at}.target", "must be between 0 and 100 %");
        else if (Math.Abs(indicator.Target) > 1e12) refuse($"{at}.target", "must be a finite number");
        if (!double.IsFinite(indicator.Points) || indicator.Points <= 0 || indicator.Points > MaxPoints)
            refuse($"{at}.points", $"must be more than 0 and at most {MaxPoints}");
    }

    private static void CheckRules(IReadOnlyList<DeductionRule> rules, string path, Action<string, string> refuse)
    {
        var kinds = new HashSet<DeductionKind>();
        if (rules.Count > Enum.GetValues<DeductionKind>().Length) refuse($"{path}.deduction_rules", "must hold at most one rule per deduction kind");
        foreach (var (rule, r) in rules.Take(Enum.GetValues<DeductionKind>().Length).Select((x, i) => (x, i)))
        {
            var at = $"{path}.deduction_rules[{r}]";
            if (!Enum.IsDefined(rule.Kind))
                refuse($"{at}.kind", "must be one of DEDUCTION_KIND_LATENESS, DEDUCTION_KIND_BUCK_PASSING, DEDUCTION_KIND_POOR_HANDLING, "
                    + "DEDUCTION_KIND_STOP_UNVERIFIED, DEDUCTION_KIND_ACCOUNTABILITY");
            else if (!kinds.Add(rule.Kind)) refuse($"{at}.kind", "is already ruled by an earlier rule: one rule per kind");
            Text(rule.Name, $"{at}.name", MaxRuleName, refuse);
            Amount(rule.Points, $"{at}.points", MaxPoints, refuse);
            Amount(rule.Cap, $"{at}.cap", MaxTotal, refuse);
            if (!Enum.IsDefined(rule.Charged)) refuse($"{at}.charged", "must be one of CHARGED_PARTY_HOLDER, CHARGED_PARTY_RETURNER, CHARGED_PARTY_PLACE");
        }
    }

    private static void CheckBands(IReadOnlyList<RatingBand> bands, string path, Action<string, string> refuse)
    {
        // 不合格 has no band: it is whatever falls below the lowest one.
        if (bands.Count is 0 or > 3)
        {
            refuse($"{path}.bands", "must give 1 to 3 bands, among RATING_EXCELLENT, RATING_GOOD and RATING_PASS");
            if (bands.Count == 0) return;
        }
        var seen = new Dictionary<Rating, int>();
        foreach (var (band, b) in bands.Take(3).Select((x, i) => (x, i)))
        {
            var at = $"{path}.bands[{b}]";
            if (band.Rating is not (Rating.Excellent or Rating.Good or Rating.Pass))
                refuse($"{at}.rating", "must be RATING_EXCELLENT, RATING_GOOD or RATING_PASS (below every band is 不合格)");
            else if (!seen.TryAdd(band.Rating, b)) refuse($"{at}.rating", "is already given by an earlier band");
            if (!double.IsFinite(band.MinTotal) || band.MinTotal < 0 || band.MinTotal > MaxTotal)
                refuse($"{at}.min_total", $"must be between 0 and {MaxTotal}");
        }
        // From 优秀 down to 合格 each band must ask strictly less than the one above it.
        var ordered = seen.OrderBy(s => s.Key).Select(s => (Band: bands[s.Value], Index: s.Value)).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (double.IsFinite(ordered[i].Band.MinTotal) && double.IsFinite(ordered[i - 1].Band.MinTotal) && ordered[i].Band.MinTotal >= ordered[i - 1].Band.MinTotal)
                refuse($"{path}.bands[{ordered[i].Index}].min_total", "must be lower than the band of the rating above it");
    }

    private static void Code(string? code, string field, HashSet<string> codes, Action<string, string> refuse)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxCode || !CodePattern().IsMatch(code))
            refuse(field, $"must be 1 to {MaxCode} of a-z, 0-9 and -, starting with a letter or digit");
        else if (!codes.Add(code)) refuse(field, $"'{code}' is already the code of another programme or indicator of the scheme");
    }

    private static void Text(string? value, string field, int max, Action<string, string> refuse)
    {
        if (string.IsNullOrWhiteSpace(value)) refuse(field, "is required");
        else if (value.Length > max) refuse(field, $"must be at most {max} characters");
    }

    private static void Amount(double value, string field, int max, Action<string, string> refuse)
    {
        if (!double.IsFinite(value) || value < 0 || value > max) refuse(field, $"must be between 0 and {max}");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
