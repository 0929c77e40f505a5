using System.Buffers.Binary;
using System.Text.Json;
using Dapr.Client;
using Ducha.EventBus.Dapr;
using Ducha.Testing;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Ducha.EventBus.Tests;

/// <summary>
/// The publishing side of the dapr transport, against a stand-in for the sidecar's gRPC API that records what it is
/// asked to publish: the event must reach the pub/sub component as our own CloudEvent, not wrapped in one of Dapr's.
/// </summary>
public sealed class DaprPublishTests : IAsyncLifetime
{
    private readonly List<PublishedEvent> _published = [];
    private WebApplication _sidecar = null!;
    private int _port;

    private sealed record PublishedEvent(string PubSub, string Topic, byte[] Data, string ContentType);

    public async Task InitializeAsync()
    {
        _port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(_port, o => o.Protocols = HttpProtocols.Http2));
        _sidecar = builder.Build();
        _sidecar.MapPost("/dapr.proto.runtime.v1.Dapr/PublishEvent", PublishEventAsync);
        await _sidecar.StartAsync();
    }

    /// <summary>One unary gRPC call by hand: a length-prefixed PublishEventRequest in, an empty message and OK out.</summary>
    private async Task PublishEventAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var frame = body.ToArray();
        var length = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
        var input = new CodedInputStream(frame, 5, length);
        string pubSub = "", topic = "", contentType = "";
        var data = Array.Empty<byte>();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: pubSub = input.ReadString(); break;
                case 2: topic = input.ReadString(); break;
                case 3: data = input.ReadBytes().ToByteArray(); break;
                case 4: contentType = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        lock (_published) _published.Add(new PublishedEvent(pubSub, topic, data, contentType));

        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    [Fact]
    public async Task An_event_reaches_the_sidecar_as_our_own_CloudEvent_on_its_topic()
    {
        using var dapr = new DaprClientBuilder().UseGrpcEndpoint($"http://127.0.0.1:{_port}").Build();
        var transport = new DaprEventTransport(dapr, Options.Create(new EventBusOptions { PubSubName = "ducha-pubsub" }));
        var envelope = new CloudEventEnvelope
        {
            Id = "0197e3f0-7a1b-7c2d-9e3f-123456789abc",
            Source = "/ducha/cases/320505",
            Type = "ducha.cases.case-received.v1",
            Time = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)),
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            Data = JsonSerializer.SerializeToElement(new { caseId = "c-1", jurisdictionCode = "320505" }),
        };

        await transport.PublishAsync("cases.case-received", envelope, CancellationToken.None);

        var published = Assert.Single(_published);
        Assert.Equal(("ducha-pubsub", "cases.case-received"), (published.PubSub, published.Topic));
        // With this content type the sidecar passes the body through instead of wrapping it in an envelope of its own.
        Assert.Equal("application/cloudevents+json", published.ContentType);
        using var sent = JsonDocument.Parse(published.Data);
        Assert.Equal(envelope.Id, sent.RootElement.GetProperty("id").GetString());
        Assert.Equal(envelope.Type, sent.RootElement.GetProperty("type").GetString());
        Assert.Equal(envelope.TraceParent, sent.RootElement.GetProperty("traceparent").GetString());
        Assert.Equal("320505", sent.RootElement.GetProperty("data").GetProperty("jurisdictionCode").GetString());
    }

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();
}
