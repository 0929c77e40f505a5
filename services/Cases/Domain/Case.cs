namespace Ducha.Cases.Domain;

/// <summary>
/// A petition or complaint (信访举报件) through 接、转、办、督、核 and 销号 (DOMAIN.md §2). The case knows who holds it
/// and until when; the rules about who may move it where live in the policies beside it.
/// </summary>
public sealed class Case
{
    public required string Id { get; init; }
    public required string JurisdictionCode { get; init; }
    public required string Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Polluter { get; init; }
    public PollutionType PollutionType { get; init; }
    public required string Description { get; init; }
    public Channel Channel { get; init; }
    /// <summary>Transferred by a central inspection: keeps its original standard, procedure and deadline.</summary>
    public bool CentralInspection { get; init; }
    /// <summary>Legacy cases: the central inspection's deadline, which no hop may exceed until the case closes.</summary>
    public DateOnly? OriginalDeadline { get; init; }
    public CaseStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? IdempotencyKey { get; init; }
    /// <summary>The reporter's identity, sealed; see <c>ReporterProtector</c>. Null for anonymous complaints.</summary>
    public string? ReporterSealed { get; private set; }
    public List<CaseAttachment> Attachments { get; init; } = [];

    /// <summary>The office that received the complaint: it verifies last and closes.</summary>
    public string OriginJurisdictionCode { get; private set; } = string.Empty;
    /// <summary>The office or unit that has the case now.</summary>
    public string HolderJurisdictionCode { get; private set; } = string.Empty;
    public string? HolderUnit { get; private set; }
    /// <summary>The holder's deadline (Beijing date); null while the originating office has none.</summary>
    public DateOnly? Deadline { get; private set; }
    /// <summary>When the holder received it: quiet hours move a night-time assignment to 08:00 of the next working day.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }
    /// <summary>1, plus one each time a repeated complaint reopens the closed case; assignments belong to a round.</summary>
    public int Round { get; private set; } = 1;

    /// <summary>Set once the case has bounced between the same two parties more than once (推诿扯皮).</summary>
    public bool BuckPassingFlagged { get; private set; }
    /// <summary>Later complaints about the same polluter and place (群众反复投诉).</summary>
    public int RepeatCount { get; private set; }
    /// <summary>For a repeated complaint: the earlier case it repeats.</summary>
    public string? LinkedCaseId { get; private set; }
    public string? ListedLeader { get; private set; }
    public string? OwnerLeader { get; private set; }
    /// <summary>The deadline whose reminder went out, so each deadline is reminded once.</summary>
    public DateOnly? RemindedFor { get; private set; }
    /// <summary>The deadline whose passing was announced, so each is announced once.</summary>
    public DateOnly? OverdueAnnouncedFor { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public CallbackResult? CallbackResult { get; private set; }

    /// <summary>
    /// How many links its history has. Every change appends one, so the row is written only if no one else appended since
    /// it was read: two requests that read the same case cannot both write it, whatever each changed.
    /// </summary>
    public int HistoryLength { get; private set; }

    public void ExtendHistory(int length) => HistoryLength = length;

    public CaseParty Holder => new(HolderJurisdictionCode, HolderUnit);
    public bool IsOpen => CaseStatuses.Open.Contains(Status);

    public void SealReporter(string sealedIdentity) => ReporterSealed = sealedIdentity;

    public void ReceiveAt(string officeJurisdictionCode)
    {
        OriginJurisdictionCode = officeJurisdictionCode;
        HolderJurisdictionCode = officeJurisdictionCode;
        Deadline = OriginalDeadline;
    }

    public void LinkTo(string earlierCaseId) => LinkedCaseId = earlierCaseId;

    public void AssignDown(CaseParty to, DateOnly deadline, DateTimeOffset deliveredAt, DateTimeOffset now)
    {
        MoveTo(to, deadline, CaseStatus.Assigned, now);
        DeliveredAt = deliveredAt;
    }

    /// <summary>Back to the office that assigned it, whose own deadline applies again.</summary>
    public void ReturnTo(CaseParty assigningOffice, DateOnly? assigningDeadline, DateTimeOffset now) =>
        MoveTo(assigningOffice, assigningDeadline, CaseStatus.Returned, now);

    /// <summary>A report (or an accepted one) goes up to the office that assigned the case, under that office's deadline.</summary>
    public void ReportUpTo(CaseParty assigningOffice, DateOnly? assigningDeadline, DateTimeOffset now) =>
        MoveTo(assigningOffice, assigningDeadline, CaseStatus.Reported, now);

    public void SendBackTo(CaseParty reporter, DateOnly deadline, DateTimeOffset now) => MoveTo(reporter, deadline, CaseStatus.SentBack, now);

    public void MarkVerified(DateTimeOffset now) => MoveTo(Holder, Deadline, CaseStatus.Verified, now);

    public void Close(CallbackResult callback, DateTimeOffset now)
    {
        MoveTo(Holder, null, CaseStatus.Closed, now);
        CallbackResult = callback;
        ClosedAt = now;
    }

    /// <summary>A repeated complaint about a closed case: a new round starts at the originating office.</summary>
    public void Reopen(DateTimeOffset now)
    {
        Round++;
        ClosedAt = null;
        CallbackResult = null;
        MoveTo(new CaseParty(OriginJurisdictionCode), OriginalDeadline, CaseStatus.Reopened, now);
    }

    public void CountRepeat(DateTimeOffset now)
    {
        RepeatCount++;
        UpdatedAt = now;
    }

    public void FlagBuckPassing() => BuckPassingFlagged = true;

    public void ListUnder(string leader, DateTimeOffset now) { ListedLeader = leader; UpdatedAt = now; }

    public void GiveOwnershipTo(string leader, DateTimeOffset now) { OwnerLeader = leader; UpdatedAt = now; }

    public void Remind(DateOnly deadline) => RemindedFor = deadline;

    public void AnnounceOverdue(DateOnly deadline) => OverdueAnnouncedFor = deadline;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private void MoveTo(CaseParty to, DateOnly? deadline, CaseStatus status, DateTimeOffset now)
    {
        HolderJurisdictionCode = to.JurisdictionCode;
        HolderUnit = to.Unit;
        Deadline = deadline;
        Status = status;
        UpdatedAt = now;
    }

    public static Case Receive(CaseIntake intake, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7().ToString(),
            JurisdictionCode = intake.JurisdictionCode,
            Address = intake.Address.Trim(),
            Latitude = intake.Latitude,
            Longitude = intake.Longitude,
            Polluter = PolluterName.Normalize(intake.Polluter),
            PollutionType = intake.PollutionType,
            Description = intake.Description.Trim(),
            Channel = intake.Channel,
            CentralInspection = intake.CentralInspection,
            OriginalDeadline = intake.CentralInspection ? intake.OriginalDeadline : null,
            Status = CaseStatus.Received,
            ReceivedAt = now,
            UpdatedAt = now,
            IdempotencyKey = string.IsNullOrWhiteSpace(intake.IdempotencyKey) ? null : intake.IdempotencyKey,
            Attachments = [.. intake.Attachments],
        };
}

/// <summary>What a complaint says when it is registered, whichever API it came through.</summary>
public sealed record CaseIntake(
    string JurisdictionCode, string Address, double? Latitude, double? Longitude, string? Polluter, PollutionType PollutionType,
    string Description, Channel Channel, bool CentralInspection, DateOnly? OriginalDeadline, string? IdempotencyKey,
    IReadOnlyList<CaseAttachment> Attachments);

/// <summary>An attachment's metadata; the file itself stays in the caller's document store.</summary>
public sealed record CaseAttachment(string Name, string MediaType, long SizeBytes, string Uri);

/// <summary>Polluter names are compared as written, without surrounding or doubled spaces.</summary>
public static class PolluterName
{
    public static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
