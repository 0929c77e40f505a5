using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Secondment.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;

namespace Ducha.Services.Tests.SecondmentTests;

/// <summary>
/// Through the bus, not by hand: the city seconds a cadre of 虎丘区住建局, secondment publishes it, and Cases refuses that
/// person's handler token for the bureau while a colleague's is accepted; a term that ended yesterday refuses nothing.
/// </summary>
public sealed class SecondmentCasesTests(SecondmentFixture host) : IClassFixture<SecondmentFixture>
{
    private readonly SecondmentSteps _steps = new(host);

    private CasesClient Handler(string subject) => new(host.Channel.Intercept(metadata =>
    {
        metadata.Add("Authorization", "Bearer " + host.Tokens.Issue(SecondmentSteps.Huqiu, "handler", subject, unit: SecondmentSteps.Housing));
        return metadata;
    }));

    [Fact]
    public async Task Cases_refuses_the_seconded_cadre_as_a_handler_of_the_old_unit_once_secondment_publishes_the_term()
    {
        await _steps.RegisterHousingBureauAsync();
        var seconded = await _steps.CadreAsync("周建华", SecondmentSteps.Huqiu, SecondmentSteps.Housing, subject: $"zhou-{Guid.NewGuid():N}");
        var returned = await _steps.CadreAsync("吴海", SecondmentSteps.Huqiu, SecondmentSteps.Housing, subject: $"wu-{Guid.NewGuid():N}");
        await _steps.SecondAsync(seconded, "2024-03-01", "2025-02-28");
        // Seconded through yesterday (29 February 2024): back at the bureau today.
        var past = await _steps.SecondAsync(returned, "2024-02-01", "2024-02-29");

        var refusal = await Ducha.Testing.Eventually.UntilAsync(async () =>
        {
            try { await Handler(seconded.Subject).ListHeldCasesAsync(new ListHeldCasesRequest()); return null; }
            catch (RpcException e) { return e; }
        }, e => e is not null, TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.PermissionDenied, refusal!.StatusCode);
        Assert.Contains("a seconded cadre does no work for the original unit", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(SecondmentState.Ended, past.State);
        await Handler(returned.Subject).ListHeldCasesAsync(new ListHeldCasesRequest());
        await Handler($"colleague-{Guid.NewGuid():N}").ListHeldCasesAsync(new ListHeldCasesRequest());
    }
}
