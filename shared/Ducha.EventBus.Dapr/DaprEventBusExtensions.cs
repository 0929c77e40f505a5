using System.Text.Json;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.Dapr;

public static class DaprEventBusExtensions
{
    public static EventBusBuilder AddDaprTransport(this EventBusBuilder builder)
    {
        builder.Services.AddDaprClient();
        builder.Services.TryAddSingleton<DaprEventTransport>();
        builder.Services.TryAddSingleton<IEventTransport>(sp => sp.GetRequiredService<DaprEventTransport>());
        return builder;
    }

    /// <summary>
    /// The delivery side: Dapr's CloudEvents middleware unwraps the body and forwards the envelope attributes as
    /// <c>Cloudevent.*</c> headers; <c>/dapr/subscribe</c> lists one route per subscription.
    /// </summary>
    public static WebApplication MapDaprSubscriptions(this WebApplication app)
    {
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler().AllowAnonymous();
        var pubSub = app.Services.GetRequiredService<IOptions<EventBusOptions>>().Value.PubSubName;
        foreach (var subscription in app.Services.GetServices<EventSubscription>())
        {
            app.MapPost(subscription.Route, (HttpContext context, IEventDispatcher dispatcher, ILoggerFactory loggers) =>
                    DeliverAsync(context, subscription, dispatcher, loggers.CreateLogger("Ducha.EventBus.Dapr")))
                .WithTopic(pubSub, subscription.Topic)
                .AllowAnonymous();
        }
        return app;
    }

    private static async Task<IResult> DeliverAsync(HttpContext context, EventSubscription subscription, IEventDispatcher dispatcher, ILogger logger)
    {
        CloudEventEnvelope envelope;
        try
        {
            envelope = await ReadEnvelopeAsync(context.Request);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            // DROP tells the sidecar not to retry; it goes to the dead-letter topic if one is configured.
            logger.LogError("Dropped an unreadable event on {Route}: {Error}", subscription.Route, ex.Message);
            return Results.Json(new { status = "DROP" });
        }
        try
        {
            await dispatcher.DispatchAsync("dapr", subscription, envelope, context.Request.Headers["traceparent"].FirstOrDefault(), context.RequestAborted);
            return Results.Json(new { status = "SUCCESS" });
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Event {EventId} on {Route} failed; asking the sidecar to retry", envelope.Id, subscription.Route);
            return Results.Json(new { status = "RETRY" });
        }
    }

    /// <summary>Rebuilds the envelope from the unwrapped data and the forwarded attributes.</summary>
    private static async Task<CloudEventEnvelope> ReadEnvelopeAsync(HttpRequest request)
    {
        using var data = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        string? Attr(string name) => request.Headers[$"Cloudevent.{name}"].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var id = Attr("id") ?? throw new FormatException("Delivered event has no CloudEvent id.");
        var time = Attr("time");
        return new CloudEventEnvelope
        {
            Id = id,
            Source = Attr("source") ?? throw new FormatException("Delivered event has no CloudEvent source."),
            Type = Attr("type") ?? throw new FormatException("Delivered event has no CloudEvent type."),
            Time = time is not null && DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? t : default,
            Subject = Attr("subject"),
            TraceParent = Attr("traceparent"),
            TraceState = Attr("tracestate"),
            Data = data.RootElement.Clone(),
        };
    }
}
