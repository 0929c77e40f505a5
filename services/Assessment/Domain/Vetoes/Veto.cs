using Ducha.Assessment.Domain.Schemes;
using Ducha.Assessment.Domain.Sheets;

namespace Ducha.Assessment.Domain.Vetoes;

/// <summary>
/// 一票否优: the assessing level's decision that a jurisdiction or department may not be rated 优秀 for a year, on one of
/// the four grounds and with its evidence. Filed under the vetoed jurisdiction (a department's: its level). A veto is
/// never deleted: withdrawn with a reason, it stays on record.
/// </summary>
public sealed class Veto : JurisdictionRecord
{
    public const int MaxEvidence = 2000, MaxReason = 1000;

    /// <summary>Empty for a jurisdiction.</summary>
    public string Department { get; init; } = "";
    public int Year { get; init; }
    public VetoGround Ground { get; init; }
    public required string Evidence { get; init; }
    /// <summary>The assessing level whose office or assessor recorded it.</summary>
    public required string AssessorJurisdictionCode { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public bool Withdrawn { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public AssessedParty Party => new(JurisdictionCode, Department.Length == 0 ? null : Department);

    public static Veto Record(AssessedParty party, string assessor, int year, VetoGround ground, string evidence, Actor actor, DateTimeOffset at,
        string? idempotencyKey)
    {
        if (!Enum.IsDefined(ground)) throw new RequestValidationException("ground", "is not a ground of 一票否优");
        if (string.IsNullOrWhiteSpace(evidence)) throw new RequestValidationException("evidence", "is required: a veto states what it rests on");
        if (evidence.Length > MaxEvidence) throw new RequestValidationException("evidence", $"must be at most {MaxEvidence} characters");
        return new Veto
        {
            JurisdictionCode = party.JurisdictionCode, Department = party.Department ?? "", Year = year, Ground = ground, Evidence = evidence.Trim(),
            AssessorJurisdictionCode = assessor, RecordedBy = actor.Subject, RecordedAt = at, IdempotencyKey = idempotencyKey,
        };
    }

    public void Withdraw(string reason, Actor actor, DateTimeOffset at)
    {
        if (Withdrawn) throw new DomainRuleException($"The veto was already withdrawn on {WithdrawnAt:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RequestValidationException("reason", "is required: a withdrawal says why");
        Withdrawn = true;
        WithdrawalReason = reason.Trim();
        WithdrawnAt = at;
        WithdrawnBy = actor.Subject;
    }

    public SheetVeto ToSheet() => new(Id, JurisdictionCode, Department.Length == 0 ? null : Department, Year, Ground, Evidence, AssessorJurisdictionCode, RecordedAt);
}
