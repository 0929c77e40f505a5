using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Application.Bulletins;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Services.Tests;

/// <summary>A host of its own that counts the calls its services make to one another.</summary>
public sealed class BulletinScreeningFixture : StandaloneFixture
{
    public GrpcCallCounter Calls { get; } = new();

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IStartupFilter>(Calls);
}

/// <summary>
/// Before a bulletin is published its cases' texts go to Cases, to be checked against each case's own reporter: many
/// cases to a call (at most 500, and under the 4 MB Cases reads in one message), not one call per case — a province's
/// period has some 11,000 cases.
/// </summary>
public sealed class BulletinScreeningTests(BulletinScreeningFixture host) : IClassFixture<BulletinScreeningFixture>
{
    private const string Batch = "/ducha.cases.v1.Cases/MatchReporterValuesForCases", OneCase = "/ducha.cases.v1.Cases/MatchReporterValues";

    [Fact]
    public async Task A_bulletin_of_30_cases_is_checked_in_one_call_and_published()
    {
        var steps = new DisclosureSteps(host, "320413", "金坛区");
        for (var i = 0; i < 30; i++) await steps.AtUnitAsync();
        await steps.SummaryWhenAsync(steps.County, s => s.Transferred == 30 && s.FactsPending == 0);
        var county = steps.Disclosure(steps.County);
        var draft = await county.DraftBulletinAsync(new DraftBulletinRequest
        {
            JurisdictionCode = steps.County, PeriodStart = DisclosureSteps.Today, PeriodEnd = DisclosureSteps.Today,
        });
        var (batches, single) = (host.Calls[Batch], host.Calls[OneCase]);

        var published = await county.PublishBulletinAsync(new PublishBulletinRequest { Id = draft.Id });

        Assert.Equal(30, draft.Cases.Count);
        Assert.Equal((BulletinState.Published, 1), (published.State, published.Version));
        Assert.Equal((1, 0), (host.Calls[Batch] - batches, host.Calls[OneCase] - single));
    }

    [Fact]
    public async Task The_screen_sends_at_most_500_cases_and_under_4_MB_a_call_and_answers_the_fields_of_every_call()
    {
        const string Phone = "13700001111";
        var steps = new DisclosureSteps(host, "320404", "钟楼区");
        var filed = await steps.ProvinceOffice.CreateCaseAsync(steps.Complaint(new Reporter { Name = "周某某", Phone = Phone }));
        // One case asked about again and again stands for a province's period; one text in each call carries the phone.
        var many = Enumerable.Range(1, 1201).Select(i => new CaseTexts(filed.Id, new Dictionary<string, string>
        {
            [$"cases[{i}].findings"] = i % 400 == 0 ? $"已回访举报人{Phone}" : "经现场核查属实",
        })).ToList();
        // Five texts of 20,000 characters, 300 kB a case: 500 of them would be 150 MB.
        var lengthy = Enumerable.Range(1, 25).Select(i => new CaseTexts(filed.Id,
            Enumerable.Range(1, 5).ToDictionary(f => $"cases[{i}].text{f}", _ => new string('查', 20000)))).ToList();
        await using var scope = host.Services.CreateAsyncScope();
        var screen = scope.ServiceProvider.GetRequiredService<IReporterScreen>();

        var before = host.Calls[Batch];
        var named = await screen.FieldsNamingReporterAsync(DisclosureSteps.Province, many, CancellationToken.None);
        var afterMany = host.Calls[Batch];
        var none = await screen.FieldsNamingReporterAsync(DisclosureSteps.Province, lengthy, CancellationToken.None);

        Assert.Equal(["cases[400].findings", "cases[800].findings", "cases[1200].findings"], named);
        Assert.Equal(3, afterMany - before);
        Assert.Empty(none);
        Assert.Equal(3, host.Calls[Batch] - afterMany);
    }

    [Fact]
    public async Task A_case_cases_does_not_know_refuses_the_screen_naming_it()
    {
        var unknown = Guid.NewGuid().ToString();
        await using var scope = host.Services.CreateAsyncScope();
        var screen = scope.ServiceProvider.GetRequiredService<IReporterScreen>();

        var refused = await Assert.ThrowsAsync<RpcException>(() => screen.FieldsNamingReporterAsync(DisclosureSteps.Province,
            [new CaseTexts(unknown, new Dictionary<string, string> { ["cases[1].findings"] = "经现场核查属实" })], CancellationToken.None));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Contains(unknown, refused.Status.Detail);
        Assert.Contains("nothing was published", refused.Status.Detail);
    }
}
