using Ducha.Contracts.Cases.V1;
using Ducha.Contracts.Disclosure.V1;
using Ducha.Disclosure.Data;
using Ducha.EventBus.InMemory;
using Ducha.Identity;
using Ducha.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CasesClient = Ducha.Contracts.Cases.V1.Cases.CasesClient;
using DisclosureClient = Ducha.Contracts.Disclosure.V1.Disclosure.DisclosureClient;

namespace Ducha.Services.Tests;

/// <summary>
/// Cases out of disclosure's reach: the events still apply (nothing is dead-lettered), the facts only events do not carry
/// wait, and they arrive once cases answers again — here, a host restarted on the same data that reaches it.
/// </summary>
public sealed class DisclosureCasesOutageTests
{
    private const string County = "320505", Today = "2024-09-27";

    [Fact]
    public async Task While_cases_cannot_be_reached_the_events_still_apply_and_the_findings_arrive_once_it_answers()
    {
        var data = Directory.CreateTempSubdirectory("ducha-outage-").FullName;
        try
        {
            string caseId;
            await using (var unreachable = await Host.StartAsync(data, $"--services:cases:http:0=http://127.0.0.1:{FreePort.Next()}"))
            {
                caseId = await WalkToClosureAsync(unreachable);
                var waiting = await Eventually.UntilAsync(() => SummaryAsync(unreachable), s => s.Closed == 1);
                // The fetcher has really asked, and failed, before the host goes down.
                var attempts = await Eventually.UntilAsync(() => FactsAttemptsAsync(unreachable, caseId), n => n > 0);
                var listed = Assert.Single((await List(unreachable)).Cases);

                Assert.Equal((1, 1, 1), (waiting.Transferred, waiting.Closed, waiting.FactsPending));
                Assert.True(attempts > 0);
                Assert.Equal((caseId, CaseStatus.Closed, true, ""), (listed.CaseId, listed.Status, listed.FactsPending, listed.Findings));
                Assert.Empty(unreachable.Test.Services.GetRequiredService<InMemoryEventTransport>().DeadLetters);
            }

            await using var back = await Host.StartAsync(data);
            var fetched = await Eventually.UntilAsync(async () => Assert.Single((await List(back)).Cases), c => !c.FactsPending, TimeSpan.FromSeconds(60));

            Assert.Equal((false, CaseSteps.RectifiedNow(caseId).Findings, Rectification.Completed), (fetched.FactsPending, fetched.Findings, fetched.Rectification));
            Assert.Equal(0, (await SummaryAsync(back)).FactsPending);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    /// <summary>A standalone host on the test's data folder, and a channel to it.</summary>
    private sealed record Host(StandaloneTestHost Test, GrpcChannel Channel) : IAsyncDisposable
    {
        public static async Task<Host> StartAsync(string data, params string[] settings)
        {
            var test = await StandaloneTestHost.StartAsync(StandaloneFixture.Now,
                ["--EventBus:OutboxPollInterval=00:00:00.200", "--Disclosure:FactsFetcherPollInterval=00:00:00.200", .. settings], dataDir: data);
            return new Host(test, GrpcChannel.ForAddress(test.Address));
        }

        public CallInvoker As(string jurisdiction, string role = "office", string? unit = null) => Channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + Test.Services.GetRequiredService<TokenIssuer>().Issue(jurisdiction, role, $"test-{jurisdiction}", unit: unit));
            return metadata;
        });

        public async ValueTask DisposeAsync()
        {
            Channel.Dispose();
            await Test.DisposeAsync();
        }
    }

    /// <summary>Received by the county, handled by its environment bureau, verified and closed: disclosure hears every step.</summary>
    private static async Task<string> WalkToClosureAsync(Host host)
    {
        var county = new CasesClient(host.As(County));
        var received = await county.CreateCaseAsync(CasesApiTests.ValidCase(County));
        await county.AssignDownAsync(new AssignDownRequest { CaseId = received.Id, HandlingUnit = CaseSteps.Unit, WorkingDays = 5 });
        await new CasesClient(host.As(County, "handler", CaseSteps.Unit)).ReportHandlingAsync(CaseSteps.RectifiedNow(received.Id));
        await county.VerifyReportAsync(new VerifyReportRequest { CaseId = received.Id, Accept = true });
        await county.CloseCaseAsync(new CloseCaseRequest { CaseId = received.Id, Attestations = CaseSteps.AllFour, CallbackResult = CallbackResult.Satisfied });
        return received.Id;
    }

    private static Task<CaseSummary> SummaryAsync(Host host) =>
        new DisclosureClient(host.As(County)).GetCaseSummaryAsync(new GetCaseSummaryRequest { JurisdictionCode = County, From = Today, To = Today }).ResponseAsync;

    private static Task<DisclosedCasePage> List(Host host) =>
        new DisclosureClient(host.As(County)).ListDisclosedCasesAsync(new ListDisclosedCasesRequest { JurisdictionCode = County, From = Today, To = Today }).ResponseAsync;

    private static async Task<int> FactsAttemptsAsync(Host host, string caseId)
    {
        await using var scope = host.Test.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Cases.Where(c => c.CaseId == caseId).Select(c => c.FactsAttempts).SingleAsync();
    }
}
