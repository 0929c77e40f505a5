namespace Ducha.Drill.Invariants;

/// <summary>One invariant as checked: its name (Chinese, as the report prints it), whether it held, and what was seen.</summary>
public sealed record Check(string Name, bool Held, string Seen);
