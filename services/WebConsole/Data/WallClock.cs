namespace Ducha.WebConsole.Data;

/// <summary>
/// The clock the console's store counts lifetimes by (sessions, posted forms): wall-clock housekeeping, never the
/// business clock that tests set to a day of their choosing. The system clock unless a host puts another under
/// <see cref="Key"/> (a test that must watch something expire).
/// </summary>
public static class WallClock
{
    public const string Key = "ducha-console-wall-clock";
}
