namespace Ducha.WebConsole.Calls;

/// <summary>How long the console waits for a service's answer to one of its commands, and for a page's own look-ups.</summary>
public static class CallDeadline
{
    /// <summary>A command: as long as the standard resilience pipeline gives a call (30 s).</summary>
    public static readonly TimeSpan Command = TimeSpan.FromSeconds(30);

    /// <summary>A look-up a page can do without (the sign-in's unit register): the page shows it missing rather than hang.</summary>
    public static readonly TimeSpan LookUp = TimeSpan.FromSeconds(5);

    // Real time, not the console's clock: gRPC deadlines are instants on the wire.
    public static DateTime FromNow(TimeSpan patience) => DateTime.UtcNow + patience;

    /// <summary>The deadline of a command sent now.</summary>
    public static DateTime ForCommand() => FromNow(Command);
}
