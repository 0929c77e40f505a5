using Schemes = Ducha.Assessment.Domain.Schemes;
using Ducha.Contracts.Assessment.V1;
using Grpc.Core;
using Model = Ducha.Assessment.Domain.Sheets;

namespace Ducha.Services.Tests.Assessment;

/// <summary>How the score-sheet tests call the service: as whom, and with a level's scheme and facts in place.</summary>
internal sealed class SheetSteps(SheetsFixture host)
{
    public Ducha.Contracts.Assessment.V1.Assessment.AssessmentClient As(string code, string role = "office", string? unit = null) => new(host.As(code, role, unit));

    /// <summary>Puts the tests' scheme in force for <paramref name="assessor"/> and gives every party good air and cases all handled on time.</summary>
    public string SchemeWithGoodYear(string assessor, Schemes.Audience audience = Schemes.Audience.Subordinates, Schemes.SchemeContent? scheme = null)
    {
        var content = scheme ?? SheetTestData.Scheme();
        var id = host.Sources.PutInForce(assessor, audience, content);
        var parties = Model.AssessedParties.Of(Ducha.Reference.Jurisdictions.JurisdictionTree.LoadEmbedded(), assessor, audience, content);
        var codes = parties.Select(p => p.JurisdictionCode).Distinct();
        foreach (var code in codes)
        {
            host.Sources.Measure(code, SheetTestData.GoodAir());
            if (audience == Schemes.Audience.Subordinates) host.Sources.Add(SheetTestData.Figures(code));
        }
        return id;
    }

    public Task<Veto> VetoAsync(string by, string code, string? department = null, VetoGround ground = VetoGround.PoorRectification) =>
        As(by).RecordVetoAsync(new RecordVetoRequest
        {
            JurisdictionCode = code, Department = department ?? "", Year = 2024, Ground = ground, Evidence = "督察反馈的突出问题逾期未完成整改，群众反映强烈",
        }).ResponseAsync;

    public static async Task<StatusCode> RefusedAsync(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;
}
