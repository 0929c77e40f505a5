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
    public ReturnVisit? ReturnVisit { get; private set; }
    public FollowUpBroadcast? FollowUpBroadcast { get; private set; }
    /// <summary>When the deadline watch announced the follow-up overdue: it does so once.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }

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

    /// <summary>
    /// The owing office records its return visit and its follow-up broadcast — together or one after the other, each
    /// once. Both are due by the deadline; one after it is kept and makes the follow-up late. Dates lie between the
    /// airing and today; the broadcast goes out on a column of the owing office's own that carries follow-ups.
    /// </summary>
    public void RecordFollowUp(FollowUpReport report, Actor actor, DateOnly today, DateTimeOffset now)
    {
        if (FollowUp is not { } duty || AiredAt is not { } aired)
            throw new DomainRuleException("The problem has not aired: there is no follow-up to record yet.");
        if (!duty.IsOwedBy(actor))
            throw new PermissionDeniedException($"RecordFollowUp: the follow-up is owed by the office of {duty.JurisdictionCode}, not {actor.JurisdictionCode}.");
        var airedOn = Reference.Calendar.BeijingTime.DateOf(aired);
        if (report.VisitDate is { } visit)
        {
            if (ReturnVisit is not null) throw new DomainRuleException($"The return visit was already recorded ({ReturnVisit.Date:yyyy-MM-dd}).", "return_visit");
            CheckDate(visit, airedOn, today, "return_visit.date");
        }
        if (report.BroadcastDate is { } broadcast)
        {
            if (FollowUpBroadcast is not null)
                throw new DomainRuleException($"The follow-up broadcast was already recorded ({FollowUpBroadcast.AirDate:yyyy-MM-dd}).", "broadcast");
            CheckDate(broadcast, airedOn, today, "broadcast.air_date");
            var column = report.BroadcastColumn!;
            if (!column.CarriesFollowUps)
                throw new DomainRuleException($"Column {column.Name} carries no follow-up items.", "broadcast.column_id");
            if (column.JurisdictionCode != duty.JurisdictionCode)
                throw new DomainRuleException($"The follow-up goes out on the owing office's own TV; column {column.Id} belongs to {column.JurisdictionCode}.", "broadcast.column_id");
            if (!column.AirsOn(broadcast))
                throw new DomainRuleException($"Column {column.Name} does not air on {broadcast:yyyy-MM-dd}.", "broadcast.air_date");
        }
        if (report.VisitDate is { } date)
            ReturnVisit = new ReturnVisit { Date = date, Findings = report.Findings!.Trim(), Rectification = report.Rectification!.Value, RecordedAt = now, RecordedBy = actor.Subject };
        if (report.BroadcastDate is { } on)
            FollowUpBroadcast = new FollowUpBroadcast { ColumnId = report.BroadcastColumn!.Id, AirDate = on, RecordedAt = now, RecordedBy = actor.Subject };
    }

    private static void CheckDate(DateOnly date, DateOnly airedOn, DateOnly today, string field)
    {
        if (date < airedOn) throw new RequestValidationException(field, $"{date:yyyy-MM-dd} is before the airing on {airedOn:yyyy-MM-dd}");
        if (date > today) throw new RequestValidationException(field, $"{date:yyyy-MM-dd} is in the future; record a follow-up once it is done");
    }

    /// <summary>How the follow-up stands on <paramref name="today"/>; null before the airing.</summary>
    public FollowUpState? FollowUpStateOn(DateOnly today)
    {
        if (FollowUpDeadline is not { } due) return null;
        if (ReturnVisit is { } visit && FollowUpBroadcast is { } broadcast)
            return visit.Date <= due && broadcast.AirDate <= due ? FollowUpState.OnTime : FollowUpState.Late;
        return today > due ? FollowUpState.Overdue : FollowUpState.Pending;
    }

    /// <summary>Marks the overdue follow-up announced; false when it was already, so the watch tells the office once.</summary>
    public bool AnnounceOverdue(DateOnly today, DateTimeOffset now)
    {
        if (OverdueAnnouncedAt is not null || FollowUpStateOn(today) != FollowUpState.Overdue) return false;
        OverdueAnnouncedAt = now;
        return true;
    }

    /// <summary>The problem clue the supervisory organ of the airing level receives: every exposed problem starts accountability.</summary>
    public string ClueSummary() =>
        $"媒体曝光问题线索：{Polluter}（{Address}）{Description}。{BeijingTime.DateOf(AiredAt ?? ProposedAt):yyyy年M月d日}播出，回访整改期限{FollowUpDeadline:yyyy年M月d日}。";

    /// <summary>Links the case Cases opened; the first answer stands, since Cases opens one case per exposure.</summary>
    public void AttachCase(string caseId) => CaseId ??= caseId;
}
