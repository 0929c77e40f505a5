using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Grpc.Core;
using BulletinEntity = Ducha.Disclosure.Domain.Bulletin;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class DisclosureApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient Disclosure => new(host.Invoker);

    [Fact]
    public async Task A_published_bulletin_is_read_back_as_version_one()
    {
        var created = await Disclosure.CreateBulletinAsync(new CreateBulletinRequest
        {
            JurisdictionCode = "320500",
            Title = "苏州市边督边改情况通报（第1期）",
            Body = "本期共转办信访件12件，已办结8件。",
        });

        var read = await Disclosure.GetBulletinAsync(new GetBulletinRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(1, read.Version);
    }

    [Theory]
    [InlineData("jurisdiction_code")]
    [InlineData("title")]
    [InlineData("body")]
    public async Task A_bulletin_without_a_required_field_is_refused_and_nothing_is_stored(string field)
    {
        var request = new CreateBulletinRequest { JurisdictionCode = "320500", Title = "通报", Body = "正文" };
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = "abc"; break;
            case "title": request.Title = ""; break;
            case "body": request.Body = ""; break;
        }
        var before = await host.CountAsync<DisclosureDbContext, BulletinEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Disclosure.CreateBulletinAsync(request).ResponseAsync);

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
