using Ducha.Reference.Api;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Ducha.Reference;

public static class ReferenceRegistration
{
    /// <summary>Where an operator puts the next year's holiday notice before a Ducha release ships it.</summary>
    public const string CalendarFileKey = "Reference:CalendarFile";

    /// <summary>
    /// The tree and the calendar, loaded once per process from the data shipped in this assembly; the calendar is
    /// extended by the file at <see cref="CalendarFileKey"/> when one is configured.
    /// </summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => JurisdictionTree.LoadEmbedded());
        services.TryAddSingleton(sp => LoadCalendar(sp.GetService<IConfiguration>()?[CalendarFileKey]));
        services.TryAddSingleton<TaskDelivery>();
        services.TryAddSingleton<ReferenceQueries>();
        services.TryAddSingleton<CalendarHorizon>();
        services.AddHealthChecks().AddCheck<CalendarHorizon>("working-day-calendar", HealthStatus.Degraded, ["ready"]);
        return services;
    }

    /// <summary>The shipped calendar, followed by the operator's file if any; a bad file stops start-up with the reason.</summary>
    public static WorkingCalendar LoadCalendar(string? extensionFile)
    {
        var shipped = WorkingCalendar.LoadEmbedded();
        if (string.IsNullOrWhiteSpace(extensionFile)) return shipped;
        try
        {
            using var stream = File.OpenRead(extensionFile);
            return shipped.FollowedBy(WorkingCalendar.Read(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException
            or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{CalendarFileKey} '{extensionFile}' cannot be used: {ex.Message}", ex);
        }
    }

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        // Loaded now, so a bad calendar file stops start-up instead of the first deadline computed.
        endpoints.ServiceProvider.GetRequiredService<WorkingCalendar>();
        if (endpoints.ServiceProvider.GetRequiredService<CalendarHorizon>().Warning() is { } warning)
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CalendarHorizon>().LogWarning("{CalendarWarning}", warning);
        endpoints.MapReferenceRestApi();
        endpoints.MapGrpcService<ReferenceGrpcService>().AllowAnonymous();
        return endpoints;
    }
}
