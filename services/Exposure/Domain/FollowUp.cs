namespace Ducha.Exposure.Domain;

/// <summary>Where rectification of an exposed problem stood at the return visit.</summary>
public enum RectificationState
{
    /// <summary>已整改到位.</summary>
    Rectified = 1,
    /// <summary>正在整改.</summary>
    Rectifying = 2,
    /// <summary>尚未整改.</summary>
    NotRectified = 3,
}

/// <summary>How an aired problem's follow-up stands against its deadline.</summary>
public enum FollowUpState
{
    /// <summary>Not complete, and the deadline has not passed.</summary>
    Pending = 1,
    /// <summary>Return visit and follow-up broadcast both on or before the deadline.</summary>
    OnTime = 2,
    /// <summary>Complete, but the visit or the broadcast fell after the deadline.</summary>
    Late = 3,
    /// <summary>Not complete, and the deadline has passed.</summary>
    Overdue = 4,
}

/// <summary>The return visit (回访) the office owing the follow-up made to the exposed problem.</summary>
public sealed class ReturnVisit
{
    public DateOnly Date { get; init; }
    public required string Findings { get; init; }
    public RectificationState Rectification { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>The follow-up report broadcast on the owing office's own TV column.</summary>
public sealed class FollowUpBroadcast
{
    public required string ColumnId { get; init; }
    public DateOnly AirDate { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>A return visit and/or broadcast as the owing office reports them.</summary>
public sealed record FollowUpReport(DateOnly? VisitDate, string? Findings, RectificationState? Rectification, Column? BroadcastColumn, DateOnly? BroadcastDate);
