using PollutionType = Ducha.Contracts.Cases.V1.PollutionType;
using Ducha.Cases.Application;
using Ducha.Contracts.Cases.V1;
using Ducha.Reference.Calendar;
using Google.Protobuf.WellKnownTypes;
using Domain = Ducha.Cases.Domain;

namespace Ducha.Cases.Grpc;

/// <summary>From the stored case, its file and its history to the wire contract.</summary>
internal static class CaseMapping
{
    public static Timestamp? ToWire(this DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    /// <param name="today">The Beijing date, against which the case is overdue or not.</param>
    public static Case ToContract(this Domain.Case c, DateOnly today, WorkingCalendar calendar)
    {
        var contract = new Case
        {
            Id = c.Id,
            JurisdictionCode = c.JurisdictionCode,
            Address = c.Address,
            Coordinates = c.Latitude is { } lat && c.Longitude is { } lon ? new Coordinates { Latitude = lat, Longitude = lon } : null,
            Polluter = c.Polluter ?? string.Empty,
            PollutionType = (PollutionType)c.PollutionType,
            Description = c.Description,
            Channel = (Channel)c.Channel,
            CentralInspection = c.CentralInspection,
            Status = (CaseStatus)c.Status,
            ReceivedAt = Timestamp.FromDateTimeOffset(c.ReceivedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(c.UpdatedAt),
            HolderJurisdictionCode = c.HolderJurisdictionCode,
            HolderUnit = c.HolderUnit ?? string.Empty,
            OriginJurisdictionCode = c.OriginJurisdictionCode,
            Deadline = c.Deadline.ToWire(),
            OriginalDeadline = c.OriginalDeadline.ToWire(),
            DeadlineProvisional = c.Deadline is { } deadline && calendar.IsProvisional(deadline),
            DeliveredAt = c.DeliveredAt.ToWire(),
            BuckPassingFlagged = c.BuckPassingFlagged,
            RepeatCount = c.RepeatCount,
            LinkedCaseId = c.LinkedCaseId ?? string.Empty,
            ListedLeader = c.ListedLeader ?? string.Empty,
            OwnerLeader = c.OwnerLeader ?? string.Empty,
            Overdue = c.IsOpen && c.Deadline < today,
            ClosedAt = c.ClosedAt.ToWire(),
            CallbackResult = (CallbackResult)(int)(c.CallbackResult ?? 0),
            Round = c.Round,
        };
        contract.Attachments.AddRange(c.Attachments.Select(a => new Attachment { Name = a.Name, MediaType = a.MediaType, SizeBytes = a.SizeBytes, Uri = a.Uri }));
        return contract;
    }

    /// <summary>The case as its reader may see it: with the reporter only when the view carries one.</summary>
    public static Case ToContract(this CaseView view, DateOnly today, WorkingCalendar calendar)
    {
        var contract = view.Case.ToContract(today, calendar);
        if (view.Reporter is { } reporter)
            contract.Reporter = new Reporter { Name = reporter.Name, Phone = reporter.Phone, Address = reporter.Address };
        return contract;
    }

    public static CaseFile ToContract(this CaseFileView file, Case @case)
    {
        var contract = new CaseFile { Case = @case };
        contract.Assignments.AddRange(file.Assignments.Select(a => a.ToContract()));
        contract.Reports.AddRange(file.Reports.Select(r => r.ToContract()));
        contract.Measures.AddRange(file.Measures.Select(m => m.ToContract()));
        contract.Supervisions.AddRange(file.Supervisions.Select(s => s.ToContract()));
        contract.Accountability.AddRange(file.Accountability.Select(a => a.ToContract()));
        contract.ClueReferrals.AddRange(file.ClueReferrals.Select(c => c.ToContract()));
        return contract;
    }

    public static CaseCounts ToContract(this IEnumerable<JurisdictionCounts> counts)
    {
        var contract = new CaseCounts();
        foreach (var jurisdiction in counts)
        {
            int Of(Domain.CaseStatus status) => jurisdiction.ByStatus.GetValueOrDefault(status);
            contract.Counts.Add(new JurisdictionCaseCount
            {
                JurisdictionCode = jurisdiction.JurisdictionCode,
                Total = jurisdiction.Total,
                Received = Of(Domain.CaseStatus.Received),
                Assigned = Of(Domain.CaseStatus.Assigned),
                Returned = Of(Domain.CaseStatus.Returned),
                Reported = Of(Domain.CaseStatus.Reported),
                SentBack = Of(Domain.CaseStatus.SentBack),
                Verified = Of(Domain.CaseStatus.Verified),
                Closed = Of(Domain.CaseStatus.Closed),
                Reopened = Of(Domain.CaseStatus.Reopened),
                Overdue = jurisdiction.Overdue,
                BuckPassing = jurisdiction.BuckPassing,
            });
        }
        return contract;
    }

    public static Assignment ToContract(this Domain.CaseAssignment a) => new()
    {
        DeadlineProvisional = a.DeadlineProvisionalAfter is not null,
        Hop = a.Hop,
        Round = a.Round,
        FromJurisdictionCode = a.FromJurisdictionCode,
        ToJurisdictionCode = a.ToJurisdictionCode,
        ToUnit = a.ToUnit ?? string.Empty,
        WorkingDays = a.WorkingDays,
        DeliveredAt = Timestamp.FromDateTimeOffset(a.DeliveredAt),
        Deadline = a.Deadline.ToWire(),
        ReturnedAt = a.ReturnedAt.ToWire(),
        ReturnReason = a.ReturnReason ?? string.Empty,
    };

    public static HandlingReport ToContract(this Domain.HandlingReport r) => new()
    {
        Number = r.Number,
        JurisdictionCode = r.JurisdictionCode,
        Unit = r.Unit ?? string.Empty,
        Findings = r.Findings,
        Result = r.Result,
        RectifiedNow = r.RectifiedNow,
        TouchesLivelihood = r.TouchesLivelihood,
        Plan = r.PlanTarget is null ? null : new RectificationPlan
        {
            Target = r.PlanTarget,
            Measures = r.PlanMeasures ?? string.Empty,
            Deadline = r.PlanDeadline.ToWire(),
            ResponsibleUnit = r.PlanResponsibleUnit ?? string.Empty,
            Phases = { r.PlanPhases.Select(p => new PlanPhase { Description = p.Description, Deadline = p.Deadline.ToWire() }) },
        },
        SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt),
    };

    public static RecordedMeasure ToContract(this Domain.CaseMeasure m) => new()
    {
        Number = m.Number,
        ReportNumber = m.ReportNumber,
        Measure = new Measure
        {
            Kind = (MeasureKind)m.Kind,
            Scope = (MeasureScope)m.Scope,
            Description = m.Description,
            Investigation = m.Investigation ?? string.Empty,
            VerificationDate = m.VerificationDate.ToWire(),
        },
        VerifiedAt = m.VerifiedAt.ToWire(),
        VerificationFinding = m.VerificationFinding ?? string.Empty,
        AlertRaisedAt = m.AlertRaisedAt.ToWire(),
    };

    public static Supervision ToContract(this Domain.CaseSupervision s) => new()
    {
        Number = s.Number,
        Kind = (SupervisionKind)s.Kind,
        Leader = s.Leader ?? string.Empty,
        Note = s.Note ?? string.Empty,
        ByJurisdictionCode = s.ByJurisdictionCode ?? string.Empty,
        Automatic = s.Automatic,
        At = Timestamp.FromDateTimeOffset(s.At),
    };

    public static AccountabilityRecord ToContract(this Domain.AccountabilityRecord a) => new()
    {
        Number = a.Number,
        Person = new AccountablePerson
        {
            Name = a.PersonName,
            Position = a.Position,
            Rank = (CadreRank)a.Rank,
            Sanction = (Sanction)a.Sanction,
            FaultTolerated = a.FaultTolerated,
            FaultToleranceReason = a.FaultToleranceReason ?? string.Empty,
        },
        RecordedByJurisdictionCode = a.RecordedByJurisdictionCode,
        At = Timestamp.FromDateTimeOffset(a.At),
    };

    public static ClueReferral ToContract(this Domain.ClueReferral c) => new()
    {
        Number = c.Number,
        Summary = c.Summary,
        SupervisoryOrganJurisdictionCode = c.SupervisoryOrganJurisdictionCode,
        At = Timestamp.FromDateTimeOffset(c.At),
    };

    public static CaseTransition ToContract(this Domain.CaseTransition t) => new()
    {
        Sequence = t.Sequence,
        Action = t.Action,
        FromStatus = t.FromStatus ?? string.Empty,
        ToStatus = t.ToStatus,
        Actor = t.Actor,
        ActorRole = t.ActorRole,
        ActorJurisdictionCode = t.ActorJurisdictionCode,
        ActorLevel = t.ActorLevel,
        Reason = t.Reason ?? string.Empty,
        At = Timestamp.FromDateTimeOffset(t.At),
        Hash = t.Hash,
    };
}
