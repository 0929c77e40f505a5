using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Grpc.Core;
using BulletinEntity = Ducha.Disclosure.Domain.Bulletins.Bulletin;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class DisclosureApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient Disclosure => new(host.Invoker);

    [Theory]
    [InlineData("abc", "2024-09-27", "2024-09-29", "jurisdiction_code")]
    [InlineData("320505", "2024-9-27", "2024-09-29", "period_start")]
    [InlineData("320505", "2024-09-27", "", "period_end")]
    public async Task A_draft_request_with_a_malformed_field_is_refused_naming_it_and_nothing_is_stored(string code, string start, string end, string field)
    {
        var before = await host.CountAsync<DisclosureDbContext, BulletinEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => new Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient(host.As("320505"))
            .DraftBulletinAsync(new DraftBulletinRequest { JurisdictionCode = code, PeriodStart = start, PeriodEnd = end }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<DisclosureDbContext, BulletinEntity>());
    }

    [Fact]
    public async Task Counts_for_a_malformed_jurisdiction_are_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Disclosure.GetReceivedCaseCountsAsync(new GetReceivedCaseCountsRequest { JurisdictionCode = "12" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("jurisdiction_code", error.Status.Detail);
    }
}
