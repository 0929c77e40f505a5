using Ducha.Contracts.Exposure.V1;
using Ducha.Exposure.Data;
using Grpc.Core;
using OutletEntity = Ducha.Exposure.Domain.MediaOutlet;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class ExposureApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Exposure.V1.Exposure.ExposureClient Exposure => new(host.Invoker);

    internal static CreateMediaOutletRequest Valid() => new()
    {
        JurisdictionCode = "320000",
        Name = "江苏卫视",
        Kind = MediaKind.Tv,
        ColumnName = "263在行动",
        WeeklyQuota = 3,
    };

    [Fact]
    public async Task A_media_outlet_is_created_and_read_back()
    {
        var created = await Exposure.CreateMediaOutletAsync(Valid());

        var read = await Exposure.GetMediaOutletAsync(new GetMediaOutletRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal("263在行动", read.ColumnName);
        Assert.Equal(3, read.WeeklyQuota);
    }

    [Theory]
    [InlineData("jurisdiction_code")]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("weekly_quota")]
    public async Task An_invalid_outlet_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var request = Valid();
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = ""; break;
            case "name": request.Name = ""; break;
            case "kind": request.Kind = MediaKind.Unspecified; break;
            case "weekly_quota": request.WeeklyQuota = -1; break;
        }
        var before = await host.CountAsync<ExposureDbContext, OutletEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Exposure.CreateMediaOutletAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<ExposureDbContext, OutletEntity>());
    }

    [Fact]
    public async Task An_unknown_outlet_answers_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Exposure.GetMediaOutletAsync(new GetMediaOutletRequest { Id = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
