namespace Ducha.Cases.Domain;

/// <summary>
/// Listed supervision (挂牌督办) and case ownership (包案) name the leader who takes the case on; a special team
/// (明察暗访) names its leader too. A supervision notice says what it demands, and a special team its open and undercover
/// visits.
/// </summary>
public static class SupervisionRules
{
    public static void Check(SupervisionKind kind, string? leader, string? note)
    {
        var missing = new List<FieldViolation>();
        if (kind is SupervisionKind.Listed or SupervisionKind.Ownership or SupervisionKind.SpecialTeam && string.IsNullOrWhiteSpace(leader))
            missing.Add(new("leader", "is required for listed supervision (挂牌督办), case ownership (包案) and a special team (its leader)"));
        if (kind is SupervisionKind.Notice or SupervisionKind.SpecialTeam && string.IsNullOrWhiteSpace(note))
            missing.Add(new("note", "is required for a supervision notice and for a special team (its open and undercover visits)"));
        if (missing.Count > 0) throw new RequestValidationException(missing);
    }
}
