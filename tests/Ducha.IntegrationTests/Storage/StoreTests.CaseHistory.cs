using Ducha.BuildingBlocks;
using Ducha.Cases.Application;
using Ducha.Cases.Data;
using Ducha.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using CaseEntity = Ducha.Cases.Domain.Case;

namespace Ducha.IntegrationTests.Storage;

/// <summary>The head of a case's history kept on its row, on either provider: written by every change, filled in by the migration that added it.</summary>
public abstract partial class StoreTests
{
    private static readonly CaseIntake RepeatedIntake =
        new("320682", "如皋市城南街道", null, null, "某印染厂", PollutionType.Water, "夜间偷排", Channel.Hotline12369, false, null, null, []);

    private Task<CaseEntity> FileRepeatedAsync() => InScopeAsync(async sp =>
        (await sp.GetRequiredService<ReceiveComplaint>().HandleAsync(RepeatedIntake, null, Office("320682", "county"), CancellationToken.None)).Case.Case);

    private Task<(CaseEntity Case, List<CaseTransition> Chain)> StoredHistoryAsync(string caseId) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CasesDbContext>();
        return (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId),
            await db.Transitions.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Sequence).ToListAsync());
    });

    [Fact]
    public async Task A_link_appended_by_an_earlier_version_that_left_the_head_behind_is_still_chained_to()
    {
        var earlier = await FileRepeatedAsync();
        // A replica of the version before the head was kept, still running during an upgrade: it appends a link and
        // counts it, and leaves the row's head at the link before.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CasesDbContext>();
            var last = await db.Transitions.AsNoTracking().SingleAsync(t => t.CaseId == earlier.Id);
            db.Transitions.Add(CaseTransition.Append(last, earlier.Id, "Supervise", earlier.Status, earlier.Status,
                new CaseActor("old-replica", "office", "320600", "city"), "督办", Monday));
            await db.SaveChangesAsync();
            return await db.Cases.Where(c => c.Id == earlier.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HistoryLength, 2));
        });
        Assert.False((await StoredHistoryAsync(earlier.Id)).Case.KnowsHistoryHead);

        await FileRepeatedAsync(); // counted on the earlier case with a link of its own

        var (stored, chain) = await StoredHistoryAsync(earlier.Id);
        Assert.Equal(["Receive", "Supervise", "RepeatComplaint"], chain.Select(t => t.Action));
        Assert.Null(CaseTransition.FirstBrokenLink(chain));
        Assert.Equal($"3:{chain[2].Hash}", stored.HistoryHead);
        Assert.True(stored.KnowsHistoryHead);
    }

    [Fact]
    public async Task The_migration_that_added_the_head_fills_it_in_from_each_stored_chain()
    {
        var earlier = await FileRepeatedAsync();
        await FileRepeatedAsync();
        var repeat = await FileRepeatedAsync();
        await InScopeAsync(async sp =>
        {
            // Back to the schema before the head, then forward again, as an existing store is upgraded.
            var db = sp.GetRequiredService<CasesDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.Single(m => m.EndsWith("_CaseHistoryHead", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.IndexOf(added) - 1]);
            await migrator.MigrateAsync();
            return 0;
        });

        var (stored, chain) = await StoredHistoryAsync(earlier.Id);
        Assert.Equal(3, chain.Count);
        Assert.Equal($"3:{chain[2].Hash}", stored.HistoryHead);
        var (single, link) = await StoredHistoryAsync(repeat.Id);
        Assert.Equal($"1:{Assert.Single(link).Hash}", single.HistoryHead);

        await FileRepeatedAsync();
        var (after, extended) = await StoredHistoryAsync(earlier.Id);
        Assert.Equal(4, extended.Count);
        Assert.Null(CaseTransition.FirstBrokenLink(extended));
        Assert.Equal($"4:{extended[3].Hash}", after.HistoryHead);
    }
}
