using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Ducha.Services.Tests;

/// <summary>
/// A gRPC request whose bytes are no protobuf message of the method's request type (a broken client, a fuzzer, the wrong
/// .proto) is the caller's mistake: INVALID_ARGUMENT saying what could not be read, on every service; in the log, a
/// warning without a stack trace, rolled up per client, where it was UNKNOWN "Exception was thrown by handler." and
/// an error-level stack trace per call.
/// </summary>
[Collection(LoggedStandaloneCollection.Name)]
public sealed class UnreadableMessageTests(LoggedStandaloneFixture host)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static Method<byte[], byte[]> Unary(string service, string method) => new(MethodType.Unary, service, method, Bytes, Bytes);

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));

    private async Task<RpcException> CallAsync(string service, string method, string hex) =>
        await Assert.ThrowsAsync<RpcException>(() => host.Channel.CreateCallInvoker().AsyncUnaryCall(Unary(service, method), null, host.WithToken(), Hex(hex)).ResponseAsync);

    public static TheoryData<string, string> Payloads() => new()
    {
        { "08 ff ff ff", "truncated varint" },
        { "32 f5 cf 1b 61 62 63", "length past the end" },
        { "0d 01 02", "fixed32 cut short (wrong wire type for field 1)" },
        { "0a 02 e4 b8", "invalid UTF-8 in the id" },
        { "0a 03 ed a0 80", "a lone surrogate, UTF-8 encoded" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task An_undecodable_GetCase_message_is_INVALID_ARGUMENT_naming_the_message(string hex, string what)
    {
        var error = await CallAsync("ducha.cases.v1.Cases", "GetCase", hex);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{what}: {error.StatusCode} {error.Status.Detail}");
        Assert.StartsWith("the request message could not be read as ducha.cases.v1.GetCaseRequest: ", error.Status.Detail);
    }

    [Theory]
    [InlineData("ducha.cases.v1.Cases", "CreateCase", "ducha.cases.v1.CreateCaseRequest")]
    [InlineData("ducha.exposure.v1.Exposure", "GetMediaOutlet", "ducha.exposure.v1.GetMediaOutletRequest")]
    [InlineData("ducha.assessment.v1.Assessment", "GetScheme", "ducha.assessment.v1.GetSchemeRequest")]
    [InlineData("ducha.secondment.v1.Secondment", "GetCadre", "ducha.secondment.v1.GetCadreRequest")]
    [InlineData("ducha.disclosure.v1.Disclosure", "GetBulletin", "ducha.disclosure.v1.GetBulletinRequest")]
    [InlineData("ducha.reference.v1.Reference", "GetJurisdiction", "ducha.reference.v1.GetJurisdictionRequest")]
    [InlineData("grpc.health.v1.Health", "Check", "grpc.health.v1.HealthCheckRequest")]
    public async Task Every_service_answers_an_undecodable_message_with_INVALID_ARGUMENT(string service, string method, string message)
    {
        var error = await CallAsync(service, method, "0a 02 e4 b8");

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"the request message could not be read as {message}: ", error.Status.Detail);
    }

    [Fact]
    public async Task A_streaming_method_refuses_an_undecodable_message_too()
    {
        var reflection = new Method<byte[], byte[]>(MethodType.DuplexStreaming, "grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo", Bytes, Bytes);
        using var call = host.Channel.CreateCallInvoker().AsyncDuplexStreamingCall(reflection, null, new CallOptions());

        await call.RequestStream.WriteAsync(Hex("08 ff ff ff"));
        await call.RequestStream.CompleteAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("the request message could not be read as grpc.reflection.v1alpha.ServerReflectionRequest: ", error.Status.Detail);
    }

    [Fact]
    public async Task Hundreds_of_undecodable_messages_write_a_few_counted_warnings_and_no_stack_trace()
    {
        var payloads = Payloads().Select(row => (string)row[0]).ToArray();
        var interval = LoggedStandaloneFixture.UnreadableLogInterval;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var logged = await host.LoggedDuringAsync(async () =>
        {
            for (var i = 0; i < 300; i++) await CallAsync("ducha.cases.v1.Cases", i % 2 == 0 ? "GetCase" : "ListCases", payloads[i % payloads.Length]);
            // Until the count of the last interval is written.
            await Task.Delay(interval + TimeSpan.FromSeconds(1));
        });

        Assert.DoesNotContain(logged, r => r.Exception is not null);
        Assert.DoesNotContain(logged, r => r.Level > LogLevel.Warning);
        Assert.DoesNotContain(logged, r => r.Category!.StartsWith("Grpc.", StringComparison.Ordinal));
        var unreadable = logged.Where(r => r.Category!.EndsWith(".UnreadableMessageLog", StringComparison.Ordinal)).ToList();
        Assert.All(unreadable, r => Assert.Equal(LogLevel.Warning, r.Level));
        // At most the first one at once, then one line per interval for this one client.
        Assert.True(unreadable.Count <= 2 + (int)(watch.Elapsed / interval), string.Join("\n", unreadable.Select(r => r.Message)));
        var counts = unreadable.Where(r => r.Message.Contains(" more unreadable gRPC requests from 127.0.0.1 ", StringComparison.Ordinal))
            .Sum(r => long.Parse(r.Message.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        var firsts = unreadable.Count(r => r.Message.StartsWith("Unreadable gRPC request from 127.0.0.1", StringComparison.Ordinal));
        Assert.InRange(counts + firsts, 290, 10_000);
    }
}
