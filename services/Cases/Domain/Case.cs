using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>
/// A petition or complaint (信访举报件) through 接、转、办、督、核 and 销号. The case knows who holds it and until when, and
/// each step is a method that refuses what the rules forbid: only the holder moves it, only in a state that allows the
/// step, so no caller can close an unverified case or assign a case it does not hold.
/// </summary>
public sealed partial class Case
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
    /// <summary>
    /// The lowest office the case has reached. Assignments go one level at a time, so the offices that have held the case
    /// are exactly those from the originating office down to this one; who may see the case follows from it.
    /// </summary>
    public string ReachedJurisdictionCode { get; private set; } = string.Empty;
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

    public CaseParty Holder => new(HolderJurisdictionCode, HolderUnit);
    public CaseParty Origin => new(OriginJurisdictionCode);
    public bool IsOpen => CaseStatuses.Open.Contains(Status);

    public void SealReporter(string sealedIdentity) => ReporterSealed = sealedIdentity;

    public void LinkTo(string earlierCaseId) => LinkedCaseId = earlierCaseId;

    /// <summary>Refused unless <paramref name="party"/> has the case now: only the holder moves it on.</summary>
    public void EnsureHeldBy(CaseParty party, string action)
    {
        if (Holder != party)
            throw new PermissionDeniedException($"{action}: the case is held by {Holder}; only its holder can do this.");
    }

    private void EnsureHeldByOffice(CaseParty party, string action)
    {
        EnsureHeldBy(party, action);
        if (!party.IsOffice)
            throw new PermissionDeniedException($"{action}: only the holding office can do this, not a handling unit.");
    }

    /// <summary>
    /// 转: from the office holding the case to the office directly below toward the place, or to one of its own handling
    /// units, under a deadline the <paramref name="rules"/> work out (quiet hours, no squeezing, a legacy case's original
    /// deadline) and, for a unit, only an active one of the holder's register. Returns the hop, which the caller stores.
    /// </summary>
    /// <param name="units">The register of the holder's jurisdiction, when <paramref name="to"/> is a unit.</param>
    public CaseAssignment AssignDown(CaseParty by, CaseParty to, int workingDays, AssignmentRules rules, AssignmentChain chain, DateTimeOffset now,
        UnitRegister? units = null, DateOnly? fixedDeadline = null)
    {
        EnsureHeldByOffice(by, "AssignDown");
        if (!CaseStatuses.Assignable.Contains(Status))
            throw new DomainRuleException($"A {Status} case cannot be assigned on; " + (Status == CaseStatus.Reported
                ? "verify the report first." : "it is no longer being handled."));
        var plan = rules.Plan(this, to, workingDays, now, units, fixedDeadline);
        var hop = CaseAssignment.Down(this, chain.NextHop, plan, workingDays);
        MoveTo(plan.To, plan.Deadline, CaseStatus.Assigned, now);
        DeliveredAt = plan.DeliveredAt;
        if (plan.To.IsOffice) ReachedJurisdictionCode = plan.To.JurisdictionCode;
        return hop;
    }

    /// <summary>
    /// The office or unit just assigned sends the case back to the office that assigned it, whose own deadline applies
    /// again. The second bounce between the same two parties flags 推诿扯皮.
    /// </summary>
    public CaseReturn Return(CaseParty by, AssignmentChain chain, string reason, DateTimeOffset now)
    {
        EnsureHeldBy(by, "ReturnCase");
        if (Status != CaseStatus.Assigned || chain.Into(Holder) is not { } current)
            throw new DomainRuleException($"Only a case just assigned to its holder can be returned; this one is {Status} with {Holder}.");
        current.Return(reason, now);
        MoveTo(current.From, current.PreviousDeadline, CaseStatus.Returned, now);
        var bounces = chain.All.Count(a => a.IsReturned && a.Joins(current));
        var flagged = bounces > 1 && !BuckPassingFlagged;
        if (flagged) BuckPassingFlagged = true;
        return new CaseReturn(current, bounces, flagged);
    }

    /// <summary>
    /// 办: the party the case was assigned to reports findings and result, checked by <see cref="HandlingRules"/>; the
    /// report goes up to the assigning office under that office's deadline. Returns the hop it came down by.
    /// </summary>
    public CaseAssignment ReportHandling(CaseParty by, AssignmentChain chain, ReportDraft report, DateOnly today, DateTimeOffset now)
    {
        EnsureHeldBy(by, "ReportHandling");
        // A case returned to an office that was itself assigned it is that office's to handle, as much as an assigned one.
        if (Status is not (CaseStatus.Assigned or CaseStatus.SentBack or CaseStatus.Returned) || chain.Into(Holder) is not { } into)
            throw new DomainRuleException($"Only a case assigned to its holder can be reported on; this one is {Status} with {Holder}.");
        HandlingRules.Check(report, today);
        MoveTo(into.From, into.PreviousDeadline, CaseStatus.Reported, now);
        return into;
    }

    /// <summary>
    /// 核: the office holding a report accepts it — up to the next office, under that office's deadline, until the
    /// originating office verifies it — or sends it back down to whoever reported, under their deadline.
    /// </summary>
    public Verification VerifyReport(CaseParty by, AssignmentChain chain, bool accept, DateTimeOffset now)
    {
        EnsureHeldByOffice(by, "VerifyReport");
        if (Status != CaseStatus.Reported)
            throw new DomainRuleException($"There is no report to verify: the case is {Status} with {Holder}.");
        var office = Holder;
        if (accept)
        {
            var up = chain.Into(office);
            if (up is null) MoveTo(office, Deadline, CaseStatus.Verified, now);
            else MoveTo(up.From, up.PreviousDeadline, CaseStatus.Reported, now);
            return new Verification(office, up, null);
        }
        var down = chain.OutOf(office)
            ?? throw new DomainRuleException("The report cannot be sent back: this office made no assignment it could go back to.");
        MoveTo(down.To, down.Deadline, CaseStatus.SentBack, now);
        return new Verification(office, null, down);
    }

    /// <summary>
    /// 督: an office above the holder chases the case while it is being handled. Listed supervision (挂牌督办) and case
    /// ownership (包案) put a named leader on the case.
    /// </summary>
    public void Supervise(CaseParty by, JurisdictionTree tree, SupervisionKind kind, string? leader, string? note, DateTimeOffset now)
    {
        if (!by.IsOffice || by == Holder || !tree.IsWithin(HolderJurisdictionCode, by.JurisdictionCode))
            throw new PermissionDeniedException($"Supervise: only an office above the holder {Holder} supervises it.");
        if (!IsOpen)
            throw new DomainRuleException($"A {Status} case is not being handled and cannot be supervised.");
        SupervisionRules.Check(kind, leader, note);
        if (kind == SupervisionKind.Listed) ListedLeader = leader;
        else if (kind == SupervisionKind.Ownership) OwnerLeader = leader;
        UpdatedAt = now;
    }

    /// <summary>
    /// 销号: only the originating office closes, only a verified case, only with the four not-let-go (四个不放过) attested,
    /// never on accountability alone (禁止以问责代替整改), and over a "dissatisfied" callback only with a recorded reason.
    /// </summary>
    public void Close(CaseParty by, Attestations attested, CallbackResult callback, string? overrideReason, bool hasAccountability, DateTimeOffset now)
    {
        EnsureHeldByOffice(by, "CloseCase");
        ClosureRules.Check(this, attested, callback, overrideReason, hasAccountability);
        MoveTo(Holder, null, CaseStatus.Closed, now);
        CallbackResult = callback;
        ClosedAt = now;
    }

    /// <summary>A repeated complaint about a closed case: a new round starts at the originating office.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (Status != CaseStatus.Closed)
            throw new DomainRuleException($"Only a closed case is reopened; this one is {Status}.");
        Round++;
        ClosedAt = null;
        CallbackResult = null;
        MoveTo(Origin, OriginalDeadline, CaseStatus.Reopened, now);
    }

    public void CountRepeat(DateTimeOffset now)
    {
        RepeatCount++;
        UpdatedAt = now;
    }

    /// <summary>
    /// Provisional deadlines counted again once the operator loaded a later holiday notice: each hop that was counted
    /// past the old calendar gets its new deadline, and the case's own deadline follows the hop it came from. Returns
    /// how many hops were counted again and the case's deadline before.
    /// </summary>
    public DeadlineRecount RecountDeadlines(IReadOnlyList<CaseAssignment> hops, AssignmentRules rules, DateTimeOffset now)
    {
        var moved = new Dictionary<DateOnly, DateOnly>();
        var recounted = 0;
        foreach (var hop in hops.OrderBy(h => h.Hop))
        {
            if (rules.Recount(hop) is not { } recount) { hop.Restore(moved); continue; }
            // Two provisional hops ending on the same day were counted over the same days, so they move alike.
            moved.TryAdd(hop.Deadline, recount.Deadline);
            hop.Reschedule(recount.Deadline, recount.ProvisionalAfter, moved);
            recounted++;
        }
        var before = Deadline;
        if (before is { } current && moved.TryGetValue(current, out var next)) Deadline = next;
        if (recounted > 0) UpdatedAt = now;
        return new DeadlineRecount(recounted, before, Deadline);
    }

    public void Remind(DateOnly deadline) => RemindedFor = deadline;

    public void AnnounceOverdue(DateOnly deadline) => OverdueAnnouncedFor = deadline;

    /// <summary>Something was added to the case file (a supervision, an accountability record, a checked stop order…).</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private void MoveTo(CaseParty to, DateOnly? deadline, CaseStatus status, DateTimeOffset now)
    {
        HolderJurisdictionCode = to.JurisdictionCode;
        HolderUnit = to.Unit;
        Deadline = deadline;
        Status = status;
        UpdatedAt = now;
    }

    /// <summary>接: the complaint registered at the receiving office, which holds it first and closes it last.</summary>
    public static Case Receive(CaseIntake intake, string officeJurisdictionCode, DateTimeOffset now) =>
        new()
        {
            OriginJurisdictionCode = officeJurisdictionCode,
            HolderJurisdictionCode = officeJurisdictionCode,
            ReachedJurisdictionCode = officeJurisdictionCode,
            Deadline = intake.CentralInspection ? intake.OriginalDeadline : null,
            Id = Ducha.BuildingBlocks.OrderedIds.NewId(),
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
