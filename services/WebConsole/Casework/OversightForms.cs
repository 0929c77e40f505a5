namespace Ducha.WebConsole.Casework;

/// <summary>督: the kind (by its enum name: Reminder, Notice, Listed, Ownership, SpecialTeam), the leader, what is demanded.</summary>
public sealed class SuperviseForm : IActionForm
{
    public string? Key { get; set; }
    public string? Kind { get; set; }
    public string? Leader { get; set; }
    public string? Note { get; set; }
}

/// <summary>The on-site check of one stop or shutdown order of the case file, by its number there.</summary>
public sealed class StopCheckForm : IActionForm
{
    public string? Key { get; set; }
    public string? MeasureNumber { get; set; }
    public string? Finding { get; set; }
}

/// <summary>
/// 问责: a few rows of people, blank rows ignored. 再加一人 posts the form back with one more row instead of recording, so
/// more people fit without script and nothing typed is lost.
/// </summary>
public sealed class AccountabilityForm : IActionForm
{
    public const int FirstRows = 2, MostRows = 20;

    public string? Key { get; set; }
    public int Rows { get; set; } = FirstRows;
    /// <summary>Set by the 再加一人 button only.</summary>
    public bool AddRow { get; set; }
    public List<AccountablePersonRow> People { get; set; } = [];

    /// <summary>As many rows as the form showed (or one more when asked), whatever came back from the browser.</summary>
    public void PadRows()
    {
        Rows = Math.Clamp(Math.Max(Rows, People.Count), 1, MostRows);
        while (People.Count < Rows) People.Add(new AccountablePersonRow());
        if (People.Count > Rows) People.RemoveRange(Rows, People.Count - Rows);
    }

    /// <summary>The rows that say something, by their place on the form: the service numbers only these.</summary>
    public IReadOnlyList<int> FilledRows() => [.. People.Select((p, i) => (p, i)).Where(x => !x.p.IsBlank).Select(x => x.i)];
}

public sealed class AccountablePersonRow
{
    public string? Name { get; set; }
    public string? Position { get; set; }
    public string? Rank { get; set; }
    public string? Sanction { get; set; }
    public bool FaultTolerated { get; set; }
    public string? FaultToleranceReason { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position) && string.IsNullOrEmpty(Rank) && string.IsNullOrEmpty(Sanction)
        && !FaultTolerated && string.IsNullOrWhiteSpace(FaultToleranceReason);
}

/// <summary>问题线索: what the supervisory organ of the office's own level should look into.</summary>
public sealed class ClueForm : IActionForm
{
    public string? Key { get; set; }
    public string? Summary { get; set; }
}
