using Ducha.Assessment.Application;
using Ducha.Assessment.Application.Measurements;
using Ducha.Assessment.Application.Schemes;
using Ducha.Assessment.Data;
using Ducha.Assessment.Domain.Measurements;
using Ducha.Assessment.Domain.Schemes;
using Ducha.BuildingBlocks;
using Ducha.Persistence;
using Ducha.Reference;
using Ducha.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ducha.IntegrationTests.Storage;

/// <summary>
/// Assessment schemes (their content in one JSON column) and measured values on PostgreSQL: the filtered unique indexes
/// that keep one scheme in force per year and one current value per period, the scheme in force for a year, and the
/// lists paged by position.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SchemeStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Province = new("test-office-320000", Role.Office, "320000", "province");
    private static readonly Actor City = new("test-office-320500", Role.Office, "320500", "city");
    private static readonly int[] Years = [2024, 2025, 2026, 2030];
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:assessmentdb"] = await postgres.Server.CreateDatabaseAsync() });
        builder.AddServiceDatabase<AssessmentDbContext>("assessment");
        builder.Services.AddReferenceData();
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        _host = builder.Build();
        await _host.StartAsync(); // runs the migrations
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<Scheme> CreateAsync(int year, string title = "方案") => InScopeAsync(sp => ActivatorUtilities.CreateInstance<CreateScheme>(sp)
        .HandleAsync("320000", year, Audience.Subordinates, ExampleScheme.Content with { Title = title }, fromExample: false, null, Province, CancellationToken.None));

    private Task<Scheme> PutInForceAsync(string id) =>
        InScopeAsync(sp => ActivatorUtilities.CreateInstance<PutSchemeInForce>(sp).HandleAsync(id, Province, CancellationToken.None));

    [Fact]
    public async Task One_scheme_is_in_force_per_year_a_later_one_supersedes_and_the_content_reads_back_as_written()
    {
        var y2025 = await CreateAsync(2025);
        var twin = await CreateAsync(2025, "同年另一方案");
        var y2026 = await CreateAsync(2026);
        await PutInForceAsync(y2025.Id);

        // A request that read the year's schemes before the first was put in force passes the rule; the index refuses it.
        var raced = await Assert.ThrowsAsync<DbUpdateException>(() => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AssessmentDbContext>();
            (await db.Schemes.SingleAsync(s => s.Id == twin.Id)).PutInForce([], Now);
            return await db.SaveChangesAsync();
        }));
        await PutInForceAsync(y2026.Id);

        Assert.True(raced.IsConflict());
        var (earlier, governing) = await InScopeAsync(async sp =>
        {
            var source = ActivatorUtilities.CreateInstance<StoredSchemeSource>(sp);
            var earlier = await sp.GetRequiredService<AssessmentDbContext>().Schemes.AsNoTracking().SingleAsync(s => s.Id == y2025.Id);
            var governing = new List<string?>();
            foreach (var year in Years)
                governing.Add((await source.InForceAsync("320000", Audience.Subordinates, year, CancellationToken.None))?.SchemeId);
            return (earlier, governing);
        });
        Assert.Equal((SchemeState.Superseded, y2026.Id), (earlier.Standing, earlier.SupersededBySchemeId));
        Assert.Equal([null, y2025.Id, y2026.Id, y2026.Id], governing);
        Assert.Equal(SchemeContentJson.Write(ExampleScheme.Content with { Title = "方案" }), SchemeContentJson.Write(earlier.Content));
    }

    [Fact]
    public async Task A_county_lists_the_schemes_above_it_page_by_page_latest_year_first()
    {
        var created = new List<Scheme>();
        foreach (var year in new[] { 2025, 2027, 2026 }) created.Add(await CreateAsync(year));
        created.Add(await InScopeAsync(sp => ActivatorUtilities.CreateInstance<CopyScheme>(sp)
            .HandleAsync(created[0].Id, "320500", 2026, Audience.Subordinates, "copy-1", City, CancellationToken.None)));
        var county = new Actor("test-office-320505", Role.Office, "320505", "county");

        var listed = new List<Scheme>();
        YearPageToken? after = null;
        do
        {
            var page = await InScopeAsync(sp => ActivatorUtilities.CreateInstance<ListSchemes>(sp).HandleAsync("320505", 3, after, county, CancellationToken.None));
            listed.AddRange(page.Schemes);
            after = page.NextPageToken.Length == 0 ? null
                : YearPageToken.TryParse(page.NextPageToken, YearPageToken.Schemes, out var token) ? token : throw new InvalidOperationException("an unreadable token");
        }
        while (after is not null);

        Assert.Equal(created.Select(s => s.Id).Order(), listed.Select(s => s.Id).Order());
        Assert.Equal([2027, 2026, 2026, 2025], listed.Select(s => s.Year));
    }

    [Fact]
    public async Task A_value_recorded_again_replaces_the_current_one_and_a_second_current_value_is_refused_by_the_store()
    {
        await CreateAsync(2025);
        Task<Measurement> RecordAsync(double value) => InScopeAsync(sp => ActivatorUtilities.CreateInstance<RecordMeasurement>(sp)
            .HandleAsync("320505", "pm25", 2025, Period.YearEnd, value, "监测站年报", null, City, CancellationToken.None));
        var first = await RecordAsync(41.5);
        var second = await RecordAsync(39.25);

        var raced = await Assert.ThrowsAsync<DbUpdateException>(() => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AssessmentDbContext>();
            db.Measurements.Add(Measurement.Record("320505", "pm25", 2025, Period.YearEnd, 38, "另一来源", City, null, Now));
            return await db.SaveChangesAsync();
        }));
        var (stored, current) = await InScopeAsync(async sp => (
            await sp.GetRequiredService<AssessmentDbContext>().Measurements.AsNoTracking().OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).ToListAsync(),
            await ActivatorUtilities.CreateInstance<StoredMeasurementSource>(sp).CurrentAsync(["320505", "320506"], [2025], CancellationToken.None)));

        Assert.True(raced.IsConflict());
        Assert.Equal([(first.Id, false), (second.Id, true)], stored.Select(m => (m.Id, m.Current)));
        Assert.Equal(39.25, Assert.Single(current).Value);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
