using Ducha.WebConsole.Components.Forms;

namespace Ducha.WebConsole.Exposure;

/// <summary>
/// 选题: what a problem is proposed with. Everything stays as typed (strings and ticks) so a refusal or a move down the
/// place tree shows the form again as the clerk left it; the exposure service decides what is valid.
/// </summary>
public sealed class ProposeForm : IKeyedForm
{
    public const string PickPlace = "place";

    public string? Key { get; set; }
    public string? Place { get; set; }
    public string? Address { get; set; }
    public string? Polluter { get; set; }
    public string? PollutionType { get; set; }
    public string? Description { get; set; }
    public bool SensitiveArea { get; set; }
    public bool ProminentProblem { get; set; }
    public bool SlowProgress { get; set; }
    public bool ManyComplaints { get; set; }
    public bool UndercoverVisit { get; set; }
    public string? ExistingCaseId { get; set; }
    public string? ResponsibleUnit { get; set; }
    /// <summary><see cref="PickPlace"/> when the clerk only moved down the tree: the form comes back, nothing is proposed.</summary>
    public string? Step { get; set; }
}

/// <summary>安排节目: an air date and the proposed problems ticked for it (read from the post, one value per tick).</summary>
public sealed class ScheduleForm : IKeyedForm
{
    public const string ChosenField = "Form.Chosen";

    public string? Key { get; set; }
    public string? AirDate { get; set; }
    public List<string> Chosen { get; set; } = [];
}

/// <summary>记录播出: when the programme went out, Beijing time (a datetime-local value).</summary>
public sealed class AiringForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? AiredAt { get; set; }
}

/// <summary>回访: the return visit and the follow-up broadcast, either or both, each part once.</summary>
public sealed class FollowUpForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? VisitDate { get; set; }
    public string? Findings { get; set; }
    public string? Rectification { get; set; }
    public string? BroadcastColumn { get; set; }
    public string? BroadcastDate { get; set; }

    public bool HasVisit => !string.IsNullOrWhiteSpace(VisitDate) || !string.IsNullOrWhiteSpace(Findings) || !string.IsNullOrWhiteSpace(Rectification);

    public bool HasBroadcast => !string.IsNullOrWhiteSpace(BroadcastColumn) || !string.IsNullOrWhiteSpace(BroadcastDate);
}

/// <summary>开设栏目: the outlet it runs on (named, found again by its name and kind) and the column's rhythm; blanks take the level's defaults.</summary>
public sealed class ColumnForm : IKeyedForm
{
    public string? Key { get; set; }
    public string? OutletName { get; set; }
    public string? OutletKind { get; set; } = "Tv";
    public string? Name { get; set; }
    public bool Monday { get; set; }
    public bool Tuesday { get; set; }
    public bool Wednesday { get; set; }
    public bool Thursday { get; set; }
    public bool Friday { get; set; }
    public bool Saturday { get; set; }
    public bool Sunday { get; set; }
    public string? Period { get; set; }
    public string? Minimum { get; set; }
    public bool HolidaysLowerMinimum { get; set; }

    /// <summary>The ticked air days, Monday first.</summary>
    public IEnumerable<Contracts.Exposure.V1.Weekday> AirDays =>
        new[] { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }.Select((ticked, i) => (ticked, day: (Contracts.Exposure.V1.Weekday)(i + 1)))
            .Where(d => d.ticked).Select(d => d.day);
}
