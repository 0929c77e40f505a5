using Ducha.ServiceDefaults.HealthReporting;
using Ducha.ServiceDefaults.Hosting;
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

/// <summary>
/// What every Ducha process gets from one <c>AddServiceDefaults()</c> call: telemetry, health, service discovery,
/// resilience, h2c beside HTTP/1.1 on one port, a clock. Hosting only: the API a service serves is <c>AddDuchaApi</c>
/// (Ducha.Api), its bus <c>AddEventBus</c> (Ducha.EventBus.Hosting).
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName) where TBuilder : IHostApplicationBuilder
    {
        LogDefaults.Apply(builder.Configuration);
        builder.ConfigureOpenTelemetry(serviceName);

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // The standard gRPC health service is itself a gRPC service; AddDuchaApi adds the interceptor and reflection.
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        builder.AddCachedHealthReporting();

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
                // Every Ducha meter (Ducha.EventBus, …) by its name, so hosting references none of the libraries that define them.
                .AddMeter("Ducha.*"))
            .WithTracing(tracing => tracing
                .AddSource("Ducha.*")
                // The broker client's own publish and deliver spans (RabbitMQ.Client 7 has them built in), so a trace shows
                // the hop through RabbitMQ between the relay's send and the consumer's process.
                .AddSource("RabbitMQ.Client.*")
                // A call to another service over gRPC: the span the HTTP request spans hang under, named for its method.
                .AddSource(GrpcClientSpans.SourceName)
                .AddProcessor(new GrpcClientSpans())
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath)
                    && !context.Request.Path.StartsWithSegments(AlivePath)
                    && !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>Health endpoints (<c>/health</c>, <c>/alive</c>) and the standard gRPC health service, all anonymous.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes need no token (the fallback policy of AddDuchaApi's identity asks one of everything else).
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "Cleartext endpoints serve HTTP/1.1 and, for clients that open with the HTTP/2 preface (gRPC), HTTP/2; " +
            "Kestrel's start-up warning that HTTP/2 needs TLS does not apply to them."));
        return app;
    }
}
