using System.Reflection;
using System.Text.Json.Nodes;
using Ducha.EventBus;
using Ducha.EventBus.RabbitMQ;

namespace Ducha.Deployment.Tests;

/// <summary>
/// The Dapr pubsub.rabbitmq component declares on the broker exactly what the rabbitmq transport declares, so a
/// service behind a sidecar and one on the rabbitmq transport share one broker. The expectations come from the
/// transport's code (DaprTopology, RabbitMqSubscriber.DeclareAsync run against a recording channel, EventBusOptions'
/// defaults), not from a second copy of them here.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class PubSubComponentTests(ManifestsFixture manifests)
{
    private const string Subscriber = "disclosure";
    private const string Topic = "cases.case-received";

    /// <summary>Every metadata name a test below checks; anything else in the component has to be looked at first.</summary>
    private static readonly string[] CheckedMetadata =
    [
        "connectionString", "consumerID", "exchangeKind", "durable", "deletedWhenUnused", "autoAck", "requeueInFailure",
        "enableDeadLetter", "deliveryMode", "publisherConfirm", "prefetchCount",
    ];

    public static TheoryData<string> Overlays => ManifestsFixture.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_component_declares_the_exchange_queue_and_dead_letters_the_rabbitmq_transport_declares(string overlay)
    {
        var component = Component(overlay);
        var metadata = Metadata(component);
        var declared = await DeclaredByTransportAsync();
        var exchanges = declared.Where(c => c.Method == "ExchangeDeclareAsync").ToList();
        var queues = declared.Where(c => c.Method == "QueueDeclareAsync").ToList();
        var queue = queues.Single(q => (string?)q.Arguments["queue"] == DaprTopology.Queue(Subscriber, Topic));
        var topicExchange = exchanges.Single(e => (string?)e.Arguments["exchange"] == DaprTopology.Exchange(Topic));

        Assert.Equal("pubsub.rabbitmq", (string?)component["spec"]?["type"]);
        // Dapr names the queue {consumerID}-{topic}; with consumerID = the app id that is the transport's queue.
        Assert.Equal((string?)queue.Arguments["queue"], $"{metadata["consumerID"]!.Replace("{appID}", Subscriber, StringComparison.Ordinal)}-{Topic}");
        Assert.Equal((string?)topicExchange.Arguments["type"], metadata["exchangeKind"]);
        Assert.Equal(Bool(topicExchange.Arguments["durable"]), metadata["durable"]);
        Assert.Equal(Bool(queue.Arguments["durable"]), metadata["durable"]);
        Assert.Equal(Bool(queue.Arguments["autoDelete"]), metadata["deletedWhenUnused"]);
        Assert.All(exchanges, e => Assert.Equal(Bool(e.Arguments["autoDelete"]), metadata["deletedWhenUnused"]));

        // Dead letters: Dapr declares dlx-{queue} and dlq-{queue} when enableDeadLetter is true, as the transport does.
        var arguments = (IDictionary<string, object?>)queue.Arguments["arguments"]!;
        var deadLetters = arguments.TryGetValue("x-dead-letter-exchange", out var dlx) ? (string?)dlx : null;
        Assert.Equal(deadLetters is null ? "false" : "true", metadata["enableDeadLetter"]);
        Assert.Equal($"dlx-{queue.Arguments["queue"]}", deadLetters);
        Assert.Contains(queues, q => (string?)q.Arguments["queue"] == $"dlq-{queue.Arguments["queue"]}");
        // No length limit and no TTL in the transport: maxLen, maxLenBytes and ttlInSeconds stay unset in the component.
        Assert.False(arguments.ContainsKey("x-max-length") || arguments.ContainsKey("x-max-length-bytes") || arguments.ContainsKey("x-message-ttl"));
        Assert.DoesNotContain("maxLen", metadata.Keys);
        Assert.DoesNotContain("maxLenBytes", metadata.Keys);
        Assert.DoesNotContain("ttlInSeconds", metadata.Keys);
        // Dapr declares classic queues unless a subscription asks otherwise; so does the transport.
        Assert.Equal("classic", (string?)arguments["x-queue-type"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_component_publishes_and_consumes_as_the_rabbitmq_transport_does(string overlay)
    {
        var component = Component(overlay);
        var metadata = Metadata(component);
        var prefetch = typeof(RabbitMqSubscriber).GetField("Prefetch", BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue()
            ?? throw new InvalidOperationException("RabbitMqSubscriber.Prefetch is gone: say here what prefetch the transport uses now.");

        Assert.Equal(new EventBusOptions().PubSubName, RenderedOverlay.NameOf(component));
        // RabbitMqEventTransport publishes persistent messages (delivery mode 2) and waits for publisher confirms.
        Assert.Equal("2", metadata["deliveryMode"]);
        Assert.Equal("true", metadata["publisherConfirm"]);
        // RabbitMqSubscriber acks manually and nacks a failed message without requeue, into the dead-letter queue.
        Assert.Equal("false", metadata["autoAck"]);
        Assert.Equal("false", metadata["requeueInFailure"]);
        Assert.Equal(Convert.ToString(prefetch, System.Globalization.CultureInfo.InvariantCulture), metadata["prefetchCount"]);
        // The broker address and password come from a Secret through Dapr's Kubernetes secret store.
        Assert.Equal("kubernetes", (string?)component["auth"]?["secretStore"]);
        var connection = component["spec"]!["metadata"]!.AsArray().Single(m => (string?)m!["name"] == "connectionString")!;
        Assert.Null(connection["value"]);
        Assert.NotNull(connection["secretKeyRef"]?["name"]);
        Assert.Empty(metadata.Keys.Except(CheckedMetadata, StringComparer.Ordinal));
        Assert.Equal(manifests[overlay].Services.Select(RenderedOverlay.NameOf).Order(StringComparer.Ordinal),
            component["scopes"]!.AsArray().Select(s => (string?)s).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_sidecar_attempts_a_delivery_as_often_as_the_rabbitmq_transport_before_dead_lettering_it(string overlay)
    {
        var rendered = manifests[overlay];
        var resiliency = Assert.Single(rendered.OfKind("Resiliency"));
        var policyName = (string?)resiliency["spec"]?["targets"]?["components"]?[new EventBusOptions().PubSubName]?["inbound"]?["retry"];
        var policy = resiliency["spec"]?["policies"]?["retries"]?[policyName ?? ""]
            ?? throw new Xunit.Sdk.XunitException("No inbound retry policy for the pubsub component.");
        var settings = Assert.Single(rendered.OfKind("ConfigMap"), c => RenderedOverlay.NameOf(c).StartsWith("ducha-settings", StringComparison.Ordinal));

        // maxRetries counts the attempts after the first.
        Assert.Equal(new EventBusOptions().MaxDeliveryAttempts, (int?)policy["maxRetries"] + 1);
        Assert.Equal(new EventBusOptions().MaxDeliveryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (string?)settings["data"]?["EventBus__MaxDeliveryAttempts"]);
    }

    private JsonObject Component(string overlay) =>
        manifests[overlay].Find("Component", new EventBusOptions().PubSubName);

    private static Dictionary<string, string?> Metadata(JsonObject component) =>
        component["spec"]!["metadata"]!.AsArray().OfType<JsonObject>()
            .ToDictionary(m => (string)m["name"]!, m => m["value"] is JsonValue v ? v.ToString() : null, StringComparer.Ordinal);

    private static string Bool(object? value) => value is true ? "true" : "false";

    private static async Task<List<RecordingChannel.Call>> DeclaredByTransportAsync()
    {
        var (channel, recorder) = RecordingChannel.Create();
        var subscription = new EventSubscription(Subscriber, Topic, typeof(object), typeof(object))
        {
            Handle = (_, _, _, _) => Task.CompletedTask,
        };
        Assert.Equal(DaprTopology.Queue(Subscriber, Topic), subscription.QueueName);
        await RabbitMqSubscriber.DeclareAsync(channel, subscription, CancellationToken.None);
        return recorder.Calls;
    }

}
