using Ducha.BuildingBlocks;
using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;
using Ducha.Persistence;
using Ducha.Reference.Jurisdictions;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.IntegrationTests.Storage;

/// <summary>
/// Accountability reports (their problems and tallies in one JSON column) and spot checks (their id lists and findings)
/// read back from PostgreSQL as written, and the queries the exposure use cases run (by period, latest version) work there.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ExposureAccountabilityStoreTests(PostgresFixture postgres)
{
    private static readonly JurisdictionTree Tree = JurisdictionTree.LoadEmbedded();
    private static readonly DateTimeOffset Now = new(2024, 10, 8, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Report_versions_and_a_spot_check_with_its_finding_read_back_unchanged()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:exposuredb"] = await postgres.Server.CreateDatabaseAsync() });
        builder.AddServiceDatabase<ExposureDbContext>("exposure");
        using var host = builder.Build();
        await host.StartAsync(); // runs the migrations
        var period = new ReportingPeriod(2024, 9);
        var city = new Actor("test-office-320500", Role.Office, "320500", "city");
        var province = new Actor("test-office-320000", Role.Office, "320000", "province");
        // Owned rows belong to one report each: every version gets problems of its own, as generating it anew gives.
        ProblemAccountability[] Problems() =>
        [
            new()
            {
                ExposureId = "e-1", CaseId = "c-1", PlaceJurisdictionCode = "320505", AiredOn = new(2024, 9, 30),
                People = AccountabilityTally.Of([new(CadreRank.Division, Sanction.Criticism, false), new(CadreRank.Section, Sanction.Admonition, true)]),
            },
            new() { ExposureId = "e-2", PlaceJurisdictionCode = "320506", AiredOn = new(2024, 9, 2) },
        ];
        var first = AccountabilityReport.Submit(Tree.Get("320500"), period, Problems(), "初报", 1, city, null, Now);
        var second = AccountabilityReport.Submit(Tree.Get("320500"), period, Problems()[..1], null, 2, city, null, Now.AddDays(1));
        var check = SpotCheck.Draw(Tree.Get("320500"), period, ["e-1", "e-2"], 1, "种子", province, null, Now);
        check.RecordFinding(check.SampleIds[0], false, true, "整改不到位", province, Now.AddDays(2));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExposureDbContext>();
            db.AddRange(first, second, check);
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExposureDbContext>();
            var versions = db.AccountabilityReports.AsNoTracking().Where(r => r.JurisdictionCode == "320500" && r.Period == period);
            var latest = await versions.OrderByDescending(r => r.Version).FirstAsync();
            var readFirst = await versions.SingleAsync(r => r.Version == 1);
            var readCheck = await db.SpotChecks.AsNoTracking().Include(s => s.Findings).SingleAsync(s => s.CityCode == "320500" && s.Period == period);

            Assert.Equal(2, await versions.MaxAsync(r => (int?)r.Version));
            Assert.Equal((2, null, 1), (latest.Version, latest.Remarks, latest.Problems.Count));
            Assert.Equal(("初报", Now, period), (readFirst.Remarks, readFirst.SubmittedAt, readFirst.Period));
            Assert.Equal(["e-1", "e-2"], readFirst.Problems.Select(p => p.ExposureId));
            Assert.Equal(("c-1", new DateOnly(2024, 9, 30)), (readFirst.Problems[0].CaseId, readFirst.Problems[0].AiredOn));
            Assert.Equal([(CadreRank.Division, Sanction.Criticism, false, 1), (CadreRank.Section, Sanction.Admonition, true, 1)],
                readFirst.Problems[0].People.Select(t => (t.Rank, t.Sanction, t.FaultTolerated, t.Count)));
            Assert.Null(readFirst.Problems[1].CaseId);
            Assert.Equal(check.Seed, readCheck.Seed);
            Assert.Equal(check.CandidateIds, readCheck.CandidateIds);
            Assert.Equal(check.SampleIds, readCheck.SampleIds);
            var finding = Assert.Single(readCheck.Findings);
            Assert.Equal((check.SampleIds[0], false, true, "整改不到位"), (finding.ExposureId, finding.RectificationHeld, finding.AccountabilityHeld, finding.Finding));
        }
        await host.StopAsync();
    }
}
