using Ducha.Assessment.Data;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using PlanEntity = Ducha.Assessment.Domain.AssessmentPlan;

namespace Ducha.Services.Tests;

[Collection(StandaloneCollection.Name)]
public sealed class AssessmentApiTests(StandaloneFixture host)
{
    private Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient Assessment => new(host.Invoker);

    internal static CreatePlanRequest Valid() => new()
    {
        JurisdictionCode = "320000",
        Year = 2026,
        Title = "2026年度设区市263专项行动综合考核",
        Kind = PlanKind.Comprehensive,
    };

    [Fact]
    public async Task An_assessment_plan_is_created_and_read_back()
    {
        var created = await Assessment.CreatePlanAsync(Valid());

        var read = await Assessment.GetPlanAsync(new GetPlanRequest { Id = created.Id });

        Assert.Equal(created, read);
        Assert.Equal(2026, read.Year);
    }

    [Theory]
    [InlineData("jurisdiction_code")]
    [InlineData("year")]
    [InlineData("title")]
    [InlineData("kind")]
    [InlineData("programme")]
    public async Task An_invalid_plan_is_refused_naming_the_field_and_nothing_is_stored(string field)
    {
        var request = Valid();
        switch (field)
        {
            case "jurisdiction_code": request.JurisdictionCode = "0"; break;
            case "year": request.Year = 1999; break;
            case "title": request.Title = ""; break;
            case "kind": request.Kind = PlanKind.Unspecified; break;
            case "programme": request.Kind = PlanKind.Special; request.Programme = ""; break; // a special assessment names its programme
        }
        var before = await host.CountAsync<AssessmentDbContext, PlanEntity>();

        var error = await Assert.ThrowsAsync<RpcException>(() => Assessment.CreatePlanAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field + ":", error.Status.Detail);
        Assert.Equal(before, await host.CountAsync<AssessmentDbContext, PlanEntity>());
    }
}
