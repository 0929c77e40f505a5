using System.Diagnostics;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace Ducha.EventBus.Tests;

public sealed class CloudEventEnvelopeTests
{
    // The distributed-tracing extension attribute, declared as any consumer of the SDK would.
    private static readonly CloudEventAttribute TraceParent = CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String);

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 15, TimeSpan.Zero);

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void What_the_bus_writes_is_read_back_by_the_CloudEvents_SDK()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var (topic, envelope) = new CloudEventFactory(new FixedTime()).Create("cases", new Tallied("苏州-1"));

        var formatter = new JsonEventFormatter();
        var read = formatter.DecodeStructuredModeMessage(envelope.ToJsonBytes(), new ContentType(CloudEventEnvelope.MediaType),
            [TraceParent]);

        Assert.Equal("tests.tallied", topic);
        Assert.Equal(CloudEventsSpecVersion.V1_0, read.SpecVersion);
        Assert.Equal(envelope.Id, read.Id);
        Assert.Equal("/ducha/cases/320500", read.Source!.ToString());
        Assert.Equal("ducha.tests.tallied.v1", read.Type);
        Assert.Equal(Now, read.Time);
        Assert.Equal("application/json", read.DataContentType);
        Assert.Equal(activity.Id, read[TraceParent]);
        var data = Assert.IsType<JsonElement>(read.Data);
        Assert.Equal("苏州-1", data.GetProperty("key").GetString());
        Assert.Equal("320500", data.GetProperty("jurisdictionCode").GetString());
    }

    [Fact]
    public void An_event_written_by_the_CloudEvents_SDK_is_parsed_by_the_bus()
    {
        var sdkEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [TraceParent])
        {
            Id = "evt-42",
            Source = new Uri("/ducha/disclosure/320000", UriKind.Relative),
            Type = "ducha.tests.tallied.v1",
            Time = Now,
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(new { key = "k", jurisdictionCode = "320000" }),
        };
        sdkEvent[TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var bytes = new JsonEventFormatter().EncodeStructuredModeMessage(sdkEvent, out _);

        var envelope = CloudEventEnvelope.Parse(bytes.Span);

        Assert.Equal("evt-42", envelope.Id);
        Assert.Equal("/ducha/disclosure/320000", envelope.Source);
        Assert.Equal("ducha.tests.tallied.v1", envelope.Type);
        Assert.Equal(Now, envelope.Time);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", envelope.TraceParent);
        Assert.Equal("k", envelope.Data.GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"specversion":"0.3","id":"1","source":"/s","type":"t","data":{}}""", "specversion")]
    [InlineData("""{"specversion":"1.0","source":"/s","type":"t","data":{}}""", "'id'")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"t"}""", "'data'")]
    public void A_malformed_event_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CloudEventEnvelope.Parse(json));
        Assert.Contains(reason, error.Message);
    }
}
