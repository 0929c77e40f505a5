using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Reference.V1;
using Grpc.Core;

namespace Ducha.Services.Tests;

/// <summary>
/// A refusal that quotes a very long input stays small enough for a gRPC client to read: quoting a 100,000-character
/// id used to put about 900 KB into the response trailers, and the client failed with INTERNAL/UNAVAILABLE
/// ("HPackDecodingException") instead of reading NOT_FOUND or INVALID_ARGUMENT.
/// </summary>
[Collection(StandaloneCollection.Name)]
public sealed class LongInputTests(StandaloneFixture host)
{
    private static readonly string Long = new('长', 100_000);

    [Fact]
    public async Task A_date_of_100000_characters_is_a_readable_INVALID_ARGUMENT()
    {
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => reference.GetDayAsync(new GetDayRequest { Date = Long }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(error.Status.Detail), 1, 2200);
        Assert.StartsWith("date: date '长长", error.Status.Detail);
        Assert.Contains("characters left out", error.Status.Detail);
        Assert.EndsWith("is not a date in the form yyyy-MM-dd.", error.Status.Detail);
    }

    [Fact]
    public async Task A_jurisdiction_code_of_100000_characters_is_a_readable_INVALID_ARGUMENT()
    {
        var reference = new Ducha.Contracts.Reference.V1.Reference.ReferenceClient(host.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => reference.GetJurisdictionAsync(new GetJurisdictionRequest { Code = Long }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(error.Status.Detail), 1, 2200);
        Assert.EndsWith("is not a 6-digit GB/T 2260 code.", error.Status.Detail);
    }

    [Fact]
    public async Task A_refusal_naming_fields_keeps_its_details_readable()
    {
        var cases = new Ducha.Contracts.Cases.V1.Cases.CasesClient(host.Invoker);
        var request = CasesApiTests.ValidCase();
        request.JurisdictionCode = Long;

        var error = await Assert.ThrowsAsync<RpcException>(() => cases.CreateCaseAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jurisdiction_code", error.Trailers.GetValue("ducha-invalid-fields"));
    }
}
