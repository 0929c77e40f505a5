using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Exposure.Domain;

/// <summary>Why a problem was chosen for exposure; a problem may have several. Bits follow ducha.exposure.v1.SelectionReason.</summary>
[Flags]
public enum SelectionReasons
{
    None = 0,
    SensitiveArea = 1 << 1,
    ProminentProblem = 1 << 2,
    SlowProgress = 1 << 3,
    ManyComplaints = 1 << 4,
    UndercoverVisit = 1 << 5,
}

/// <summary>Metadata of one piece of material (footage, photos); the file itself is kept elsewhere.</summary>
public sealed class Material
{
    public required string Name { get; init; }
    public required string MediaType { get; init; }
    public long SizeBytes { get; init; }
    public string? Url { get; init; }
}

/// <summary>What an office writes about the problem it proposes.</summary>
public sealed record ProblemReport(string PlaceJurisdictionCode, string Address, string Polluter, PollutionType PollutionType, string Description,
    SelectionReasons Reasons, IReadOnlyList<Material> Materials, string? ExistingCaseId, string? ResponsibleUnit);

/// <summary>
/// A problem proposed for exposure (选题) on a column. It belongs to the column's jurisdiction: that office and those
/// above it see it from the start, while the places it concerns learn of it only when it airs, so that an exposure is
/// not forestalled by the very offices it is about.
/// </summary>
public sealed class ExposureProblem : JurisdictionRecord
{
    public required string ColumnId { get; init; }
    public required string PlaceJurisdictionCode { get; init; }
    public required string Address { get; init; }
    public required string Polluter { get; init; }
    public PollutionType PollutionType { get; init; }
    public required string Description { get; init; }
    public SelectionReasons Reasons { get; init; }
    public List<Material> Materials { get; init; } = [];
    /// <summary>A case about the problem that the proposing office already knew of.</summary>
    public string? ExistingCaseId { get; init; }
    /// <summary>For a county's own airing: the unit that owes the follow-up.</summary>
    public string? ResponsibleUnit { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
    public required string ProposedBy { get; init; }
    public DateTimeOffset? AiredAt { get; private set; }
    /// <summary>The office (or, for a county airing, the county with its unit) that owes the follow-up, fixed by the airing.</summary>
    public string? FollowUpJurisdictionCode { get; private set; }
    public DateOnly? FollowUpDeadline { get; private set; }
    /// <summary>The case Cases opened for the aired problem; null until it answered.</summary>
    public string? CaseId { get; private set; }

    public static ExposureProblem Propose(Column column, JurisdictionLevel columnLevel, ProblemReport report, JurisdictionTree tree, Actor actor,
        string? idempotencyKey, DateTimeOffset now)
    {
        column.EnsureManagedBy(actor, "ProposeExposure");
        if (!tree.IsWithin(report.PlaceJurisdictionCode, column.JurisdictionCode))
            throw new DomainRuleException($"The place {report.PlaceJurisdictionCode} is outside the column's jurisdiction {column.JurisdictionCode}.",
                "place_jurisdiction_code");
        // A county airs about itself, so no lower office owes the follow-up: the unit that does must be named now.
        if (columnLevel == JurisdictionLevel.County && string.IsNullOrWhiteSpace(report.ResponsibleUnit))
            throw new DomainRuleException("A county column's problem names the unit responsible for it.", "responsible_unit");
        // Above a county, the office below the column owes the follow-up, so the place must lie in one.
        if (columnLevel != JurisdictionLevel.County) FollowUpDuty.OfficeBelow(column.JurisdictionCode, report.PlaceJurisdictionCode, tree);
        if (report.Reasons == SelectionReasons.None)
            throw new DomainRuleException("A problem is proposed for at least one reason.", "reasons");
        return new ExposureProblem
        {
            JurisdictionCode = column.JurisdictionCode,
            ColumnId = column.Id,
            PlaceJurisdictionCode = report.PlaceJurisdictionCode,
            Address = report.Address.Trim(),
            Polluter = report.Polluter.Trim(),
            PollutionType = report.PollutionType,
            Description = report.Description.Trim(),
            Reasons = report.Reasons,
            Materials = [.. report.Materials],
            ExistingCaseId = string.IsNullOrWhiteSpace(report.ExistingCaseId) ? null : report.ExistingCaseId.Trim(),
            ResponsibleUnit = columnLevel == JurisdictionLevel.County ? report.ResponsibleUnit!.Trim() : null,
            ProposedAt = now,
            ProposedBy = actor.Subject,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>The proposing office and those above it always; the offices of the place (below the column) once it aired.</summary>
    public bool CanSee(Actor actor, JurisdictionTree tree) =>
        tree.IsWithin(JurisdictionCode, actor.JurisdictionCode)
        || (AiredAt is not null && tree.IsWithin(PlaceJurisdictionCode, actor.JurisdictionCode));

    public FollowUpDuty? FollowUp => FollowUpJurisdictionCode is { } owner && FollowUpDeadline is { } due ? new(owner, ResponsibleUnit, due) : null;

    /// <summary>Marks the problem aired with its programme and fixes who follows it up by when; false when an earlier airing stands.</summary>
    internal bool MarkAired(DateTimeOffset at, FollowUpDuty duty)
    {
        if (AiredAt is not null) return false;
        AiredAt = at;
        FollowUpJurisdictionCode = duty.JurisdictionCode;
        FollowUpDeadline = duty.Deadline;
        return true;
    }

    /// <summary>The problem clue the supervisory organ of the airing level receives: every exposed problem starts accountability.</summary>
    public string ClueSummary() =>
        $"媒体曝光问题线索：{Polluter}（{Address}）{Description}。{BeijingTime.DateOf(AiredAt ?? ProposedAt):yyyy年M月d日}播出，回访整改期限{FollowUpDeadline:yyyy年M月d日}。";

    /// <summary>Links the case Cases opened; the first answer stands, since Cases opens one case per exposure.</summary>
    public void AttachCase(string caseId) => CaseId ??= caseId;
}
