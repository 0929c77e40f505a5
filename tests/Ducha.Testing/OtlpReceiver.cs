using System.Collections.Concurrent;
using Ducha.Testing.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ducha.Testing;

/// <summary>
/// A span a service exported, reduced to what the trace assertions need, with the instrumentation that made it (its
/// scope: Npgsql, RabbitMQ.Client.Publisher, …).
/// </summary>
public sealed record ExportedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, Span.Types.SpanKind Kind);

/// <summary>
/// A minimal OTLP/HTTP collector: the services export to it with their stock OTLP exporter
/// (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf), so the test sees exactly what a real collector would.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private readonly ConcurrentQueue<byte[]> _payloads = new();

    private OtlpReceiver(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }
    public IReadOnlyCollection<ExportedSpan> Spans => _spans.ToArray();

    /// <summary>True when any exported trace, log or metric payload holds these UTF-8 bytes (protobuf keeps strings as-is).</summary>
    public bool AnyPayloadContains(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return _payloads.Any(p => p.AsSpan().IndexOf(needle) >= 0);
    }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(endpoint);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, endpoint);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._payloads.Enqueue(body.ToArray());
            receiver.Collect(ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray()));
            return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
        });
        // Logs and metrics are kept raw, for the confidentiality check.
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._payloads.Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    private void Collect(ExportTraceServiceRequest request)
    {
        foreach (var resource in request.ResourceSpans)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "?";
            foreach (var scope in resource.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    _spans.Enqueue(new ExportedSpan(service, scope.Scope?.Name ?? "", Convert.ToHexStringLower(span.TraceId.Span),
                        Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name, span.Kind));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
