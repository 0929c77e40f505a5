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
    SelectionReasons Reasons, IReadOnlyList<Material> Materials, string? CaseId, string? ResponsibleUnit);

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
    public string? CaseId { get; init; }
    /// <summary>For a county's own airing: the unit that owes the follow-up.</summary>
    public string? ResponsibleUnit { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
    public required string ProposedBy { get; init; }
    public DateTimeOffset? AiredAt { get; private set; }

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
            CaseId = string.IsNullOrWhiteSpace(report.CaseId) ? null : report.CaseId.Trim(),
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

    /// <summary>Marks the problem aired with its programme; the first airing stands.</summary>
    internal void MarkAired(DateTimeOffset at) => AiredAt ??= at;
}
