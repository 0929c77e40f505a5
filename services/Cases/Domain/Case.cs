namespace Ducha.Cases.Domain;

/// <summary>A petition or complaint (信访举报件). This first cut covers 接 (receive); later issues add the lifecycle.</summary>
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
    public CaseStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string? IdempotencyKey { get; init; }
    /// <summary>The reporter's identity, sealed; see <c>ReporterProtector</c>. Null for anonymous complaints.</summary>
    public string? ReporterSealed { get; private set; }

    public void SealReporter(string sealedIdentity) => ReporterSealed = sealedIdentity;

    /// <summary>The office that has the case now: first the one that received it, then each office it is assigned to.</summary>
    public string HolderJurisdictionCode { get; private set; } = string.Empty;
    /// <summary>The holder's deadline (Beijing date); null until the case is first assigned.</summary>
    public DateOnly? Deadline { get; private set; }
    /// <summary>When the holder received it: quiet hours move a night-time assignment to 08:00 of the next working day.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    public void ReceiveAt(string officeJurisdictionCode) => HolderJurisdictionCode = officeJurisdictionCode;

    /// <summary>Set once the case has bounced between the same two offices more than once (推诿扯皮).</summary>
    public bool BuckPassingFlagged { get; private set; }

    /// <summary>Back to the office that assigned it, whose own deadline applies again.</summary>
    public void ReturnTo(string assigningJurisdictionCode, DateOnly? assigningDeadline)
    {
        HolderJurisdictionCode = assigningJurisdictionCode;
        Deadline = assigningDeadline;
        Status = CaseStatus.Returned;
    }

    public void FlagBuckPassing() => BuckPassingFlagged = true;

    public void AssignDown(string toJurisdictionCode, DateOnly deadline, DateTimeOffset deliveredAt)
    {
        HolderJurisdictionCode = toJurisdictionCode;
        Deadline = deadline;
        DeliveredAt = deliveredAt;
        Status = CaseStatus.Assigned;
    }

    public static Case Receive(string jurisdictionCode, string address, double? latitude, double? longitude, string? polluter,
        PollutionType pollutionType, string description, Channel channel, bool centralInspection, string? idempotencyKey, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7().ToString(),
            JurisdictionCode = jurisdictionCode,
            Address = address.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            Polluter = string.IsNullOrWhiteSpace(polluter) ? null : polluter.Trim(),
            PollutionType = pollutionType,
            Description = description.Trim(),
            Channel = channel,
            CentralInspection = centralInspection,
            Status = CaseStatus.Received,
            ReceivedAt = now,
            IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
        };
}

public enum CaseStatus { Received = 1, Assigned = 2, Returned = 3 }

/// <summary>Intake channels (DOMAIN.md §2); values match ducha.cases.v1.Channel.</summary>
public enum Channel
{
    InspectionTeam = 1,
    Hotline12369 = 2,
    MayorMailbox = 3,
    InspectionPhoneBox = 4,
    Letter = 5,
    WebApp = 6,
    MediaExposure = 7,
    LeaderInstruction = 8,
    UndercoverVisit = 9,
}

/// <summary>Values match ducha.cases.v1.PollutionType.</summary>
public enum PollutionType
{
    Air = 1,
    Water = 2,
    Noise = 3,
    Soil = 4,
    SolidWaste = 5,
    Ecology = 6,
    Other = 7,
}
