using Ducha.Contracts.Secondment.V1;
using Ducha.Secondment.Data;
using Grpc.Core;
using SecondmentEntity = Ducha.Secondment.Domain.SecondmentTerm;
using SecondmentClient = Ducha.Contracts.Secondment.V1.Secondment.SecondmentClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// Who seconds and who reads: only the level seconded to acts on its secondments; the home jurisdiction and the levels
/// above either side read them, nobody else; bad input is refused naming the field, before anything is stored.
/// </summary>
public sealed class SecondmentAccessTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    [Fact]
    public async Task Only_the_organization_department_or_office_of_the_level_seconds_to_it()
    {
        var cadre = await _steps.CadreAsync("陈刚");
        var request = SecondmentSteps.Term(cadre, "2025-09-01", "2025-12-31");

        var byHandler = await SecondmentSteps.RefusedAsync(new SecondmentClient(host.AsUnit(SecondmentSteps.Wuzhong, SecondmentSteps.WuzhongEcology)).SecondAsync(request));
        var byProvince = await SecondmentSteps.RefusedAsync(_steps.As("320000", "office").SecondAsync(request));
        var byCounty = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.Wuzhong).SecondAsync(request));
        var byOffice = await _steps.As(SecondmentSteps.City, "office").SecondAsync(request);
        var endByCounty = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.Wuzhong).EndSecondmentAsync(new EndSecondmentRequest { Id = byOffice.Id, Reason = "原单位要求" }));

        Assert.Equal(StatusCode.PermissionDenied, byHandler.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byProvince.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byCounty.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, endByCounty.StatusCode);
        Assert.Equal(SecondmentState.Planned, byOffice.State);
    }

    [Fact]
    public async Task A_level_seconds_only_cadres_of_the_level_or_below()
    {
        var ofCounty = await _steps.CadreAsync("褚云");

        var intoCounty = await _steps.As(SecondmentSteps.Wuzhong).SecondAsync(new SecondRequest
        {
            CadreId = ofCounty.Id, JurisdictionCode = SecondmentSteps.Wuzhong, Post = PostKind.Office, PostName = "263办公室",
            StartDate = "2025-09-01", EndDate = "2025-12-31",
        });
        var intoNeighbour = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.Huqiu).SecondAsync(new SecondRequest
        {
            CadreId = ofCounty.Id, JurisdictionCode = SecondmentSteps.Huqiu, Post = PostKind.Office, PostName = "263办公室",
            StartDate = "2026-01-01", EndDate = "2026-06-30",
        }));

        Assert.Equal(PostKind.Office, intoCounty.Post);
        Assert.Equal(StatusCode.FailedPrecondition, intoNeighbour.StatusCode);
        Assert.Contains("cadre", intoNeighbour.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_term_is_read_by_the_home_jurisdiction_and_the_level_seconded_to_and_by_no_other()
    {
        var term = await _steps.SecondAsync(await _steps.CadreAsync("卫东"), "2025-09-01", "2025-12-31");
        var ask = new GetSecondmentRequest { Id = term.Id };

        var byHome = await _steps.As(SecondmentSteps.Wuzhong, "office").GetSecondmentAsync(ask);
        var byProvince = await _steps.As("320000", "office").GetSecondmentAsync(ask);
        var byNeighbour = await SecondmentSteps.RefusedAsync(_steps.As(SecondmentSteps.Huqiu, "office").GetSecondmentAsync(ask));
        var byOtherCity = await SecondmentSteps.RefusedAsync(_steps.As("320400", "office").GetCadreAsync(new GetCadreRequest { Id = term.CadreId }));
        var byHandler = await SecondmentSteps.RefusedAsync(new SecondmentClient(host.AsUnit(SecondmentSteps.Wuzhong, SecondmentSteps.WuzhongEcology)).GetSecondmentAsync(ask));
        var rosterOfOtherCity = await SecondmentSteps.RefusedAsync(_steps.As("320400").ListCadresAsync(new ListCadresRequest { JurisdictionCode = SecondmentSteps.City }));

        Assert.Equal(term.Id, byHome.Id);
        Assert.Equal(term.Id, byProvince.Id);
        Assert.Equal(StatusCode.PermissionDenied, byNeighbour.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byOtherCity.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byHandler.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, rosterOfOtherCity.StatusCode);
    }

    [Theory]
    [InlineData("cadre_id")]
    [InlineData("jurisdiction_code")]
    [InlineData("post")]
    [InlineData("post_name")]
    [InlineData("start_date")]
    [InlineData("end_date")]
    public async Task A_bad_secondment_is_refused_naming_the_field(string field)
    {
        var request = SecondmentSteps.Term(await _steps.CadreAsync("蒋华"), "2025-09-01", "2025-12-31");
        switch (field)
        {
            case "cadre_id": request.CadreId = ""; break;
            case "jurisdiction_code": request.JurisdictionCode = "32050"; break;
            case "post": request.Post = (PostKind)7; break;
            case "post_name": request.PostName = new string('组', 101); break;
            case "start_date": request.StartDate = "2025-02-30"; break;
            case "end_date": request.EndDate = "2025-08-31"; break;
        }

        var before = await host.CountAsync<SecondmentDbContext, SecondmentEntity>();

        var error = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.SecondAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"Invalid request: {field}:", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await host.CountAsync<SecondmentDbContext, SecondmentEntity>());
    }

    [Fact]
    public async Task A_second_cadre_for_the_same_person_is_refused_naming_subject()
    {
        var subject = $"person-{Guid.NewGuid():N}";
        await _steps.CadreAsync("沈洁", subject: subject);

        var again = await SecondmentSteps.RefusedAsync(_steps.CityOrganization.CreateCadreAsync(new CreateCadreRequest
        {
            JurisdictionCode = SecondmentSteps.Wuzhong, Name = "沈洁", HomeUnit = SecondmentSteps.WuzhongEcology, Rank = CadreRank.Division, Subject = subject,
        }));

        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("subject", again.Status.Detail, StringComparison.Ordinal);
    }
}
