using System.Globalization;
using System.Xml;
using Ducha.BuildingBlocks.Time;

namespace Ducha.Standalone;

/// <summary>
/// A clock a drill may move, in Development only: with <c>Standalone__ClockStart</c> set, the host starts at that moment and
/// <c>POST /dev/clock?advance=PT6H</c> (or <c>?to=2026-04-02T08:00:00+08:00</c>) moves it on — forward only — then runs a
/// pass of every watch (deadlines, schedules, follow-ups, bulletins, terms) as of the new moment, so a month passes in
/// minutes. <c>GET /dev/clock</c> tells the time. Outside Development the setting stops the host rather than be ignored.
/// </summary>
public static class DevelopmentClock
{
    public const string Setting = "Standalone:ClockStart";

    public static WebApplicationBuilder UseDevelopmentClock(this WebApplicationBuilder builder)
    {
        var text = builder.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return builder;
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException($"{Setting} moves the host's clock and is for Development only; this host runs as {builder.Environment.EnvironmentName}.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            throw new InvalidOperationException($"{Setting} must be a moment with its offset, e.g. 2026-04-01T08:00:00+08:00; it is '{text}'.");
        builder.Services.AddSingleton(new MovableClock(start));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<MovableClock>());
        return builder;
    }

    public static WebApplication MapDevelopmentClock(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || app.Services.GetService<MovableClock>() is not { } clock) return app;
        app.MapGet("/dev/clock", () => Results.Ok(new { now = clock.GetUtcNow() })).AllowAnonymous();
        app.MapPost("/dev/clock", async (string? advance, string? to, IEnumerable<IClockWatch> watches, ILogger<MovableClock> logger, CancellationToken cancellationToken) =>
        {
            if (Target(clock, advance, to) is not { } moment)
                return Results.Problem(detail: "give advance (an ISO 8601 duration such as PT6H or P1D) or to (a later moment with its offset)",
                    statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = advance is null ? "to" : "advance" });
            clock.AdvanceTo(moment);
            var now = clock.GetUtcNow();
            var passes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var watch in watches)
                passes[watch.Name] = await watch.PassAsync(now, cancellationToken);
            logger.LogInformation("Development clock moved to {Now}", now);
            return Results.Ok(new { now, watches = passes });
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The moment asked for: a later one, at most a year on (a typo should not throw the host's year away).</summary>
    private static DateTimeOffset? Target(MovableClock clock, string? advance, string? to)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? moment = null;
        if (advance is not null && to is null)
        {
            try { moment = now + XmlConvert.ToTimeSpan(advance); }
            catch (FormatException) { return null; }
            catch (OverflowException) { return null; }
        }
        else if (to is not null && advance is null && DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            moment = parsed;
        return moment is { } m && m >= now && m <= now.AddDays(366) ? m : null;
    }
}
