using Ducha.EventBus;
using Ducha.EventBus.Dapr;
using Ducha.EventBus.RabbitMQ;
using Ducha.Reference;
using Ducha.ServiceDefaults.Errors;
using Ducha.ServiceDefaults.Identity;
using Ducha.ServiceDefaults.HealthReporting;
using Ducha.ServiceDefaults.Hosting;
using Ducha.ServiceDefaults.MessageReading;
using Ducha.ServiceDefaults.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every Ducha process gets from one <c>AddServiceDefaults()</c> call.</summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry(serviceName);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddGrpc(o => o.Interceptors.Add<ErrorInterceptor>()).AddDuchaJsonTranscoding();
        builder.AddUnreadableMessageHandling();
        builder.Services.AddDuchaOpenApi(serviceName);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.AddCachedHealthReporting();
        builder.Services.AddReferenceData();
        builder.AddDuchaIdentity();

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AllowAlternateSchemes = true;
                kestrel.ConfigureEndpointDefaults(listen => listen.UseH2cPriorKnowledge());
            });
        }
        builder.Services.TryAddSingletonTimeProvider();
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }

    /// <summary>The bus transport named by <c>EventBus:Transport</c>: inmemory (default), rabbitmq or dapr.</summary>
    public static EventBusBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        var bus = builder.Services.AddEventBusCore(builder.Configuration);
        var transport = builder.Configuration[$"{EventBusOptions.SectionName}:Transport"] ?? "inmemory";
        return transport.ToLowerInvariant() switch
        {
            "inmemory" => bus.AddInMemoryTransport(),
            "rabbitmq" => bus.AddRabbitMqTransport(),
            "dapr" => bus.AddDaprTransport(),
            _ => throw new InvalidOperationException($"EventBus:Transport '{transport}' is not one of inmemory, rabbitmq, dapr."),
        };
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, string serviceName) where TBuilder : IHostApplicationBuilder
    {
        // Every SQL statement at Information drowns the service's own log lines.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(EventBusDiagnostics.Name))
            .WithTracing(tracing => tracing
                .AddSource("Ducha.*")
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath)
                    && !context.Request.Path.StartsWithSegments(AlivePath)
                    && !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// Health endpoints, the standard gRPC health service, reflection, the OpenAPI document, the REST input check and
    /// (on Dapr) the subscription routes.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseDuchaTranscodedInputCheck();
        // Probes, the schema (reflection and OpenAPI) and the public reference data need no token; everything else does.
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Cleartext endpoints serve HTTP/1.1 and, for clients that open with the HTTP/2 preface (gRPC), HTTP/2; " +
            "Kestrel's start-up warning that HTTP/2 needs TLS does not apply to them."));
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapDuchaOpenApi();
        app.MapReferenceApi();
        app.MapDevelopmentTokenIssuer();
        app.MapCallerEndpoint();
        if (string.Equals(app.Configuration[$"{EventBusOptions.SectionName}:Transport"], "dapr", StringComparison.OrdinalIgnoreCase))
            app.MapDaprSubscriptions();
        return app;
    }
}
