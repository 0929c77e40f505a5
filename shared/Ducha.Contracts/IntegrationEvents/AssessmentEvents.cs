using Ducha.EventBus;

namespace Ducha.Contracts.IntegrationEvents;

/// <summary>
/// A level froze its final assessment results of a year for one audience (its subordinate jurisdictions, or its own
/// departments): every party's total, rating, whether 一票否优 applied, and the hash of its frozen sheet, with the head
/// of the hash chain that binds them. Addressed to the discipline commission (纪委监委) and the organization department
/// (组织部), for whom the results are a basis for rating leadership teams and cadres, and to Disclosure, which publishes
/// them. <see cref="Audience"/> is Subordinates or Departments; <see cref="FrozenPartyResult.Rating"/> Excellent, Good,
/// Pass or Fail.
/// </summary>
[IntegrationEvent("assessment.results-frozen", "ducha.assessment.results-frozen.v1")]
public sealed record ResultsFrozen(string AssessorJurisdictionCode, int Year, string Audience, string SchemeId, DateTimeOffset FrozenAt,
    string ChainHead, IReadOnlyList<FrozenPartyResult> Parties) : IIntegrationEvent
{
    /// <summary>The results belong to the level that froze them.</summary>
    public string JurisdictionCode => AssessorJurisdictionCode;
}

/// <summary>One party's frozen result, in ranking order; <see cref="Department"/> is null for a jurisdiction.</summary>
public sealed record FrozenPartyResult(string JurisdictionCode, string? Department, int Rank, double Total, string Rating, bool Vetoed, string Hash,
    double SpecialPoints, double DeductionPoints);
