using Ducha.Reference.Jurisdictions;

namespace Ducha.Disclosure.Domain;

/// <summary>
/// Read model: a case as disclosure learns it from cases' events — its place and the province, city and county above it,
/// how it came in, when it came into each of those levels' hands, where it stands, whether it is overdue, when it closed.
/// Each event is a method of its own, applied in the order the applied-event log keeps, so a rebuild meets the row as
/// the live handlers did. Over a broker, events of different topics may arrive out of order: the stage follows the
/// latest event by its time and each level's arrival keeps the earliest, so a late event never moves a case back.
/// What events do not carry (address, description, findings, result) comes from cases as <see cref="DisclosedCaseFacts"/>:
/// an event that changes it asks for it again (<see cref="FactsWanted"/>).
/// </summary>
public sealed class DisclosedCase
{
    /// <summary>Longest wait between attempts to fetch the facts while cases cannot be reached.</summary>
    public static readonly TimeSpan MaxFetchBackoff = TimeSpan.FromMinutes(5);

    public required string CaseId { get; init; }
    /// <summary>The place (GB/T 2260).</summary>
    public required string JurisdictionCode { get; init; }
    public required string ProvinceCode { get; init; }
    public string? CityCode { get; init; }
    public string? CountyCode { get; init; }
    /// <summary>As cases names it (Air, Water…), like <see cref="Channel"/>.</summary>
    public string? PollutionType { get; private set; }
    public string? Channel { get; private set; }
    public bool CentralInspection { get; private set; }
    public string? RepeatOfCaseId { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    /// <summary>The office that registered the complaint.</summary>
    public string? ReceivedByJurisdictionCode { get; private set; }
    /// <summary>When the case came into the province's hands: received by an office in it or assigned to one; likewise below.</summary>
    public DateTimeOffset? ProvinceArrivedAt { get; private set; }
    public DateTimeOffset? CityArrivedAt { get; private set; }
    public DateTimeOffset? CountyArrivedAt { get; private set; }
    public CaseStage Stage { get; private set; } = CaseStage.Received;
    /// <summary>The time of the event that set the stage; null until one did.</summary>
    public DateTimeOffset? StageAt { get; private set; }
    public int Round { get; private set; } = 1;
    /// <summary>Open and past its holder's deadline, as cases announced, with no step taken since.</summary>
    public bool Overdue { get; private set; }
    /// <summary>Went past a deadline at least once.</summary>
    public bool WasOverdue { get; private set; }
    public DateTimeOffset? OverdueAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>How many events asked for cases' facts; <see cref="FactsFetched"/>: the last of those an answer covers.</summary>
    public int FactsWanted { get; private set; }
    public int FactsFetched { get; private set; }
    public bool FactsPending { get; private set; }
    // The fetcher's bookkeeping, not part of the model: a rebuild starts it afresh.
    public int FactsAttempts { get; private set; }
    public DateTimeOffset FactsDueAt { get; private set; }
    public string? FactsError { get; private set; }

    public bool IsOpen => Stage != CaseStage.Closed;

    public static DisclosedCase Open(string caseId, CasePlace place) => new()
    {
        CaseId = caseId, JurisdictionCode = place.JurisdictionCode, ProvinceCode = place.ProvinceCode, CityCode = place.CityCode, CountyCode = place.CountyCode,
    };

    /// <summary>接: registered by <paramref name="receivedBy"/> (unknown for events from before it was sent).</summary>
    public void Receive(string channel, string pollutionType, bool centralInspection, DateTimeOffset receivedAt, string? repeatOf, string? receivedBy,
        DateTimeOffset at, JurisdictionTree tree)
    {
        Channel = channel;
        PollutionType = pollutionType;
        CentralInspection = centralInspection;
        RepeatOfCaseId = repeatOf;
        ReceivedAt = receivedAt;
        if (receivedBy is not null)
        {
            ReceivedByJurisdictionCode = receivedBy;
            Arrive(receivedBy, receivedAt, tree);
        }
        MoveTo(CaseStage.Received, at);
        WantFacts(at);
    }

    /// <summary>转: to an office (<paramref name="toOffice"/>) or to a unit of the holder's own jurisdiction (null).</summary>
    public void Assign(string? toOffice, DateTimeOffset deliveredAt, DateTimeOffset at, JurisdictionTree tree)
    {
        if (toOffice is not null) Arrive(toOffice, deliveredAt, tree);
        MoveTo(CaseStage.Assigned, at);
    }

    /// <summary>The case reached its holder; after quiet hours that is later than the assignment.</summary>
    public void Deliver(string? toOffice, DateTimeOffset deliveredAt, JurisdictionTree tree)
    {
        if (toOffice is not null) Arrive(toOffice, deliveredAt, tree);
    }

    public void Return(DateTimeOffset at) => MoveTo(CaseStage.Returned, at);

    public void Report(DateTimeOffset at) => MoveTo(CaseStage.Reported, at);

    /// <summary>核: accepted up to the next office, or (<paramref name="final"/>) at the originating office, whose findings are now public.</summary>
    public void Verify(bool final, DateTimeOffset at)
    {
        MoveTo(final ? CaseStage.Verified : CaseStage.Reported, at);
        if (final) WantFacts(at);
    }

    public void SendBack(DateTimeOffset at) => MoveTo(CaseStage.SentBack, at);

    public void Close(DateTimeOffset closedAt, DateTimeOffset at)
    {
        if (MoveTo(CaseStage.Closed, at)) ClosedAt = closedAt;
        WantFacts(at);
    }

    /// <summary>A repeated complaint reopened the closed case: round <paramref name="round"/> starts.</summary>
    public void Reopen(int round, DateTimeOffset at)
    {
        if (MoveTo(CaseStage.Reopened, at)) ClosedAt = null;
        Round = Math.Max(Round, round);
        WantFacts(at);
    }

    /// <summary>督: the holder's deadline passed with the case open.</summary>
    public void MarkOverdue(DateTimeOffset at)
    {
        WasOverdue = true;
        if (OverdueAt is null || at > OverdueAt) OverdueAt = at;
        Overdue = IsOpen && (StageAt is null || OverdueAt >= StageAt);
    }

    /// <summary>An answer from cases covering what events asked for up to <paramref name="version"/>.</summary>
    public void FactsArrived(int version)
    {
        FactsFetched = Math.Max(FactsFetched, version);
        FactsPending = FactsWanted > FactsFetched;
        FactsAttempts = 0;
        FactsError = null;
    }

    /// <summary>Cases could not be reached: try again later, waiting longer each time up to <see cref="MaxFetchBackoff"/>.</summary>
    public void FactsUnavailable(string error, DateTimeOffset now)
    {
        FactsAttempts++;
        FactsError = error.Length > 500 ? error[..500] : error;
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(FactsAttempts, 12)));
        FactsDueAt = now + (wait < MaxFetchBackoff ? wait : MaxFetchBackoff);
    }

    /// <summary>The time the case came into <paramref name="level"/>'s hands, at the level's own code of its place.</summary>
    public DateTimeOffset? ArrivedAt(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.Province => ProvinceArrivedAt,
        JurisdictionLevel.City => CityArrivedAt,
        _ => CountyArrivedAt,
    };

    private void WantFacts(DateTimeOffset at)
    {
        FactsWanted++;
        FactsPending = true;
        FactsAttempts = 0;
        FactsError = null;
        FactsDueAt = at;
    }

    /// <summary>The case came into the hands of <paramref name="office"/>, and so of every level it lies within.</summary>
    private void Arrive(string office, DateTimeOffset at, JurisdictionTree tree)
    {
        // An office that does not lie above the place is not on the case's path: the event is about something else.
        if (tree.Find(office) is not { } arrived || !tree.IsWithin(JurisdictionCode, office)) return;
        ProvinceArrivedAt = Earliest(ProvinceArrivedAt, at);
        if (arrived.Level >= JurisdictionLevel.City && CityCode is not null) CityArrivedAt = Earliest(CityArrivedAt, at);
        if (arrived.Level >= JurisdictionLevel.County && CountyCode is not null) CountyArrivedAt = Earliest(CountyArrivedAt, at);
    }

    private bool MoveTo(CaseStage stage, DateTimeOffset at)
    {
        if (StageAt is { } current && at < current) return false;
        Stage = stage;
        StageAt = at;
        Overdue = IsOpen && OverdueAt > at;
        return true;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k <= at ? k : at;
}
