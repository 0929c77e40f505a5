using Ducha.Assessment.Data;
using Ducha.Cases.Data;
using Ducha.Disclosure.Data;
using Ducha.Exposure.Data;
using Ducha.Persistence;
using Ducha.Secondment.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ducha.Services.Tests;

/// <summary>
/// Each service (and the console's own store) has one context and a migration history per provider, side by side in its assembly: the context on a
/// provider sees that provider's history only, starting at InitialCreate, and its snapshot matches the model. (The
/// standalone host migrates SQLite for real; the integration tests migrate PostgreSQL.) No database is opened here.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly Dictionary<string, Func<string[], DbContext>> DesignTime = new()
    {
        ["cases"] = new CasesDesignTimeFactory().CreateDbContext,
        ["exposure"] = new ExposureDesignTimeFactory().CreateDbContext,
        ["assessment"] = new AssessmentDesignTimeFactory().CreateDbContext,
        ["secondment"] = new SecondmentDesignTimeFactory().CreateDbContext,
        ["disclosure"] = new DisclosureDesignTimeFactory().CreateDbContext,
        // The console's own store (sessions, key ring, claimed forms) keeps its histories the same way.
        ["webconsole"] = new Ducha.WebConsole.Data.WebConsoleDesignTimeFactory().CreateDbContext,
    };

    public static TheoryData<string, string> Stores()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in DesignTime.Keys)
        foreach (var provider in new[] { "sqlite", "postgres" })
            data.Add(service, provider);
        return data;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void A_provider_sees_its_own_history_and_it_matches_the_model(string service, string provider)
    {
        using var db = DesignTime[service](["--provider", provider]);
        var folder = DatabaseProviders.Parse(provider)!.Value.MigrationsFolder();
        var migrations = db.GetService<IMigrationsAssembly>();

        Assert.Equal(provider == "sqlite", db.Database.IsSqlite());
        Assert.EndsWith("_InitialCreate", migrations.Migrations.Keys.First());
        Assert.All(migrations.Migrations.Values, m => Assert.EndsWith($".Data.Migrations.{folder}", m.Namespace));
        Assert.EndsWith($".Data.Migrations.{folder}", migrations.ModelSnapshot!.GetType().Namespace);
        Assert.False(db.Database.HasPendingModelChanges(), $"{service} on {provider} has model changes no migration covers");
    }

    [Fact]
    public void Design_time_needs_the_provider_named()
    {
        var refused = Assert.Throws<ArgumentException>(() => new CasesDesignTimeFactory().CreateDbContext([]));

        Assert.Contains("--provider sqlite|postgres", refused.Message);
    }
}
