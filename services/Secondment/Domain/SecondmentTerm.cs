namespace Ducha.Secondment.Domain;

/// <summary>
/// 抽调: a cadre seconded to the office or an inspection team of a level (the record's jurisdiction) for StartDate..EndDate
/// (Beijing dates, inclusive). The cadre's name, unit and subject are copied in so the term reads the same after the
/// cadre's record changes and so its events can name the person Cases must refuse as a handler of the old unit.
/// </summary>
public sealed class SecondmentTerm : JurisdictionRecord
{
    public required string CadreId { get; init; }
    public required string CadreName { get; init; }
    public required string Subject { get; init; }
    public required string HomeUnit { get; init; }
    public required string HomeJurisdictionCode { get; init; }
    public PostKind Post { get; init; }
    public required string PostName { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    /// <summary>Fixed when seconded, so the roster shows it before the reminder fires.</summary>
    public DateOnly RotationDueDate { get; init; }
    public DateTimeOffset? RotationAnnouncedAt { get; private set; }
    public string? SuccessorCadreId { get; private set; }
    /// <summary>The last day served: the end date when the term ran out, the day it was ended when ended early.</summary>
    public DateOnly? EndedDate { get; private set; }
    public string? EndedReason { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Changed by every write, so two writers of one term cannot both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The reason recorded when a term runs out rather than being ended.</summary>
    public const string TermExpired = "任期届满";

    public static SecondmentTerm Start(Cadre cadre, string levelCode, PostKind post, string postName, DateOnly start, DateOnly end,
        int termLimitDays, int reminderDays, string? idempotencyKey, DateTimeOffset now)
    {
        if (end < start) throw new RequestValidationException("end_date", "must not be before start_date");
        var days = end.DayNumber - start.DayNumber + 1;
        if (days > termLimitDays)
            throw new RequestValidationException("end_date", $"the term of {days} days exceeds the post's limit of {termLimitDays} days; rotate instead (轮岗)");
        var due = end.AddDays(-reminderDays);
        return new()
        {
            JurisdictionCode = levelCode,
            CadreId = cadre.Id,
            CadreName = cadre.Name,
            Subject = cadre.Subject,
            HomeUnit = cadre.HomeUnit,
            HomeJurisdictionCode = cadre.JurisdictionCode,
            Post = post,
            PostName = postName.Trim(),
            StartDate = start,
            EndDate = end,
            // A term shorter than the reminder's lead is due for rotation from its first day.
            RotationDueDate = due < start ? start : due,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>The last day the cadre serves the level, as things stand.</summary>
    public DateOnly LastDay => EndedDate ?? EndDate;

    public SecondmentState StateOn(DateOnly today) =>
        EndedDate is not null || today > EndDate ? SecondmentState.Ended
        : today < StartDate ? SecondmentState.Planned
        : SecondmentState.Active;

    /// <summary>Whether the two terms share a day.</summary>
    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && start <= LastDay && (EndedDate is null || EndedDate >= StartDate);

    /// <summary>Ends the term early: today is its last day; the cadre is back at the home unit from tomorrow.</summary>
    public void EndEarly(DateOnly today, string reason)
    {
        if (StateOn(today) == SecondmentState.Ended)
            throw new DomainRuleException($"secondment {Id} has already ended ({LastDay:yyyy-MM-dd}); nothing to end");
        EndedDate = today;
        EndedReason = reason.Trim();
        Version = Guid.NewGuid();
    }

    /// <summary>The term ran out: the watch records it the day after its last day. False when already ended.</summary>
    public bool Expire(DateOnly today)
    {
        if (EndedDate is not null || today <= EndDate) return false;
        EndedDate = EndDate;
        EndedReason = TermExpired;
        Version = Guid.NewGuid();
        return true;
    }

    /// <summary>The rotation reminder, once, from its due date while the term still runs.</summary>
    public bool AnnounceRotation(DateOnly today, DateTimeOffset now)
    {
        if (RotationAnnouncedAt is not null || EndedDate is not null || today < RotationDueDate || today > EndDate) return false;
        RotationAnnouncedAt = now;
        Version = Guid.NewGuid();
        return true;
    }

    public void PlanSuccessor(string successorCadreId, DateOnly today)
    {
        if (StateOn(today) == SecondmentState.Ended)
            throw new DomainRuleException($"secondment {Id} has ended; a successor is named for a running or planned term");
        if (successorCadreId == CadreId) throw new DomainRuleException("the successor must be another cadre than the one seconded", "successor_cadre_id");
        SuccessorCadreId = successorCadreId;
        Version = Guid.NewGuid();
    }
}

/// <summary>Values match ducha.secondment.v1.PostKind.</summary>
public enum PostKind
{
    /// <summary>The level's 263 office.</summary>
    Office = 1,
    /// <summary>An inspection team of the level.</summary>
    InspectionTeam = 2,
}

/// <summary>Values match ducha.secondment.v1.SecondmentState.</summary>
public enum SecondmentState
{
    Planned = 1,
    Active = 2,
    Ended = 3,
}
