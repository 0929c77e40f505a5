using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Data;
using Grpc.Core;
using CadreEntity = Ducha.Secondment.Domain.Cadre;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class SecondmentApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient Secondment => new(host.Invoker);

    internal static CreateCadreRequest Valid() => new()
    {
        JurisdictionCode = "320506",
        Name = "张伟",
        HomeUnit = "吴中区生态环境局",
        Rank = CadreRank.Section,
    };

    [Fact]
    public async Task A_cadre_is_created_and_read_back()
    {
        var created = await Secondment.CreateCadreAsync(Valid());

        var read = await Secondment.GetCadreAsync(new GetCadreRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(CadreRank.Section, read.Rank);
    }

    [Theory]
    [InlineData("jurisdiction_code")]
    [InlineData("name")]
    [InlineData("home_unit")]
    [InlineData("rank")]
    public async Task An_invalid_cadre_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var request = Valid();
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = "3205061"; break;
            case "name": request.Name = new string('名', 51); break;
            case "home_unit": request.HomeUnit = ""; break;
            case "rank": request.Rank = (CadreRank)42; break;
        }
        var before = await host.CountAsync<SecondmentDbContext, CadreEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Secondment.CreateCadreAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<SecondmentDbContext, CadreEntity>());
    }
}
