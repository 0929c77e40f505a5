using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Data;
using RegisterUnitRequest = Ducha.Contracts.Cases.V1.RegisterUnitRequest;
using RetireUnitRequest = Ducha.Contracts.Cases.V1.RetireUnitRequest;
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
        Specialities = { "大气", "执法" },
        // One person, one cadre: every request names another person unless a test says otherwise.
        Subject = $"cadre-{Guid.NewGuid():N}",
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
    [InlineData("subject")]
    [InlineData("specialities")]
    public async Task An_invalid_cadre_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var request = Valid();
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = "3205061"; break;
            case "name": request.Name = new string('名', 51); break;
            case "home_unit": request.HomeUnit = ""; break;
            case "rank": request.Rank = (CadreRank)42; break;
            case "subject": request.Subject = " "; break;
            case "specialities": request.Specialities.Add(""); break;
        }
        var before = await host.CountAsync<SecondmentDbContext, CadreEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Secondment.CreateCadreAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<SecondmentDbContext, CadreEntity>());
    }

    [Fact]
    public async Task A_home_unit_must_be_an_active_unit_of_the_home_jurisdictions_register()
    {
        // 吴中区 registers a township government, then retires another; the organization department records cadres of each.
        var wuzhong = new Ducha.Contracts.Cases.V1.Units.UnitsClient(host.As("320506"));
        var township = $"吴中区木渎镇人民政府{Guid.NewGuid().ToString("N")[..6]}";
        var retired = $"吴中区开发区管委会{Guid.NewGuid().ToString("N")[..6]}";
        await wuzhong.RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = "320506", Name = township });
        await wuzhong.RegisterUnitAsync(new RegisterUnitRequest { JurisdictionCode = "320506", Name = retired });
        await wuzhong.RetireUnitAsync(new RetireUnitRequest { JurisdictionCode = "320506", Name = retired, Reason = "撤并" });
        var organization = new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(host.As("320000", "organization"));
        var before = await host.CountAsync<SecondmentDbContext, CadreEntity>();

        var ofTownship = await organization.CreateCadreAsync(With(township));
        var refusals = await Task.WhenAll(
            new[] { "吴中区某某局", retired, "虎丘区生态环境局" }.Select(unit => Assert.ThrowsAsync<RpcException>(() => organization.CreateCadreAsync(With(unit)).ResponseAsync)));

        Assert.Equal(township, ofTownship.HomeUnit);
        Assert.All(refusals, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All(refusals, e => Assert.Contains("home_unit:", e.Status.Detail));
        Assert.Equal(before + 1, await host.CountAsync<SecondmentDbContext, CadreEntity>());
    }

    [Fact]
    public async Task A_jurisdiction_outside_the_callers_reach_is_refused_before_its_units_are_looked_at()
    {
        var huqiu = new Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient(host.As("320505", "organization"));

        var error = await Assert.ThrowsAsync<RpcException>(() => huqiu.CreateCadreAsync(With("吴中区不存在的单位")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private static CreateCadreRequest With(string homeUnit)
    {
        var request = Valid();
        request.HomeUnit = homeUnit;
        return request;
    }
}
