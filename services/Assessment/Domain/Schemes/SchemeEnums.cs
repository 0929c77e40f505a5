namespace Ducha.Assessment.Domain.Schemes;

/// <summary>Values match ducha.assessment.v1.Audience: who a scheme assesses.</summary>
public enum Audience
{
    /// <summary>The jurisdictions one level below the assessing one (the province's cities, a city's counties).</summary>
    Subordinates = 1,
    /// <summary>The assessing level's own departments (the provincial lead departments).</summary>
    Departments = 2,
}

/// <summary>Values match ducha.assessment.v1.SchemeState; Superseded is never stored, it is read off a later scheme in force.</summary>
public enum SchemeState { Draft = 1, InForce = 2, Superseded = 3 }

/// <summary>
/// Values match ducha.assessment.v1.IndicatorKind. A closed list of outcomes: work is judged by problems solved and the
/// public's verdict, never by how many documents, reports or records were produced, so no kind counts those.
/// </summary>
public enum IndicatorKind
{
    /// <summary>% of the year's cases closed (销号), computed from Cases.</summary>
    ProblemsSolved = 1,
    /// <summary>% of the year's cases never past a deadline, computed from Cases.</summary>
    OnTimeRate = 2,
    /// <summary>% of reported cases whose rectification was verified by the originating office, computed from Cases.</summary>
    RectificationVerified = 3,
    /// <summary>% of closed cases whose reporter was satisfied at the callback, computed from Cases.</summary>
    PublicSatisfaction = 4,
    /// <summary>A measured value (recorded with its source) against its baseline and target.</summary>
    EnvironmentalQuality = 5,
}

/// <summary>Values match ducha.assessment.v1.Direction.</summary>
public enum Direction { HigherIsBetter = 1, LowerIsBetter = 2 }

/// <summary>Values match ducha.assessment.v1.TargetForm.</summary>
public enum TargetForm
{
    /// <summary>The value itself (good-air days ≥ 73.9 %).</summary>
    Absolute = 1,
    /// <summary>% change from the baseline (PM2.5 −25 % vs 2015).</summary>
    PercentChange = 2,
    /// <summary>Change from the baseline in the indicator's unit (coal −7.6 Mt vs 2015).</summary>
    AmountChange = 3,
}

/// <summary>Values match ducha.assessment.v1.Period.</summary>
public enum Period
{
    /// <summary>The half-year check, reported by 30 June.</summary>
    HalfYear = 1,
    YearEnd = 2,
}

/// <summary>Values match ducha.assessment.v1.DeductionKind.</summary>
public enum DeductionKind
{
    /// <summary>拖延时间: a case overdue or an exposure follow-up overdue — once per case.</summary>
    Lateness = 1,
    /// <summary>推诿扯皮.</summary>
    BuckPassing = 2,
    /// <summary>处置不力: a report sent back, or a case reopened by a repeat complaint.</summary>
    PoorHandling = 3,
    /// <summary>A stop or shutdown order not checked by its date.</summary>
    StopUnverified = 4,
    /// <summary>问责: a person held accountable on a case; 容错 exempts it.</summary>
    Accountability = 5,
}

/// <summary>Values match ducha.assessment.v1.ChargedParty.</summary>
public enum ChargedParty
{
    /// <summary>The office or unit that held the case when it went wrong.</summary>
    Holder = 1,
    /// <summary>The office or unit that returned the case (buck-passing).</summary>
    Returner = 2,
    /// <summary>The jurisdiction of the case's place.</summary>
    Place = 3,
}

/// <summary>Values match ducha.assessment.v1.Rating.</summary>
public enum Rating { Excellent = 1, Good = 2, Pass = 3, Fail = 4 }

/// <summary>Values match ducha.assessment.v1.RankingOrder.</summary>
public enum RankingOrder { RatingThenTotal = 1, Total = 2 }

/// <summary>Values match ducha.assessment.v1.VetoGround: the grounds of 一票否优.</summary>
public enum VetoGround { MajorAccident = 1, Concealment = 2, PoorRescue = 3, PoorRectification = 4 }
