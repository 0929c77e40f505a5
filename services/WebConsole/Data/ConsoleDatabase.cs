using Ducha.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ducha.WebConsole.Data;

public static class ConsoleDatabase
{
    /// <summary>The database's name: <c>ConnectionStrings__webconsoledb</c>, or <c>webconsole.db</c> under <c>DUCHA_DATA_DIR</c>.</summary>
    public const string Name = "webconsole";

    /// <summary>
    /// The Data Protection application every replica names, so a cookie or anti-forgery token one sealed the others open
    /// (by default the name is the content root's path, which two hosts need not share).
    /// </summary>
    public const string ApplicationName = "ducha-console";

    /// <summary>
    /// The console's own database (PostgreSQL when <c>ConnectionStrings__webconsoledb</c> is set, else SQLite, migrated at
    /// start-up like a service's) holding what its replicas must share: sessions, the key ring, claimed forms.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddOwnDatabase<WebConsoleDbContext>(Name);
        builder.Services.TryAddKeyedSingleton(WallClock.Key, TimeProvider.System);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<WebConsoleDbContext>();
        builder.Services.AddSingleton<ITicketStore, SessionTicketStore>();
        builder.Services.AddSingleton<FormClaims>();
        builder.Services.AddSingleton<ConsoleStoreSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsoleStoreSweeper>());
        StartBeforeTheKeyRingIsRead(builder.Services, ServiceDescriptor.Singleton<IHostedService, KeyRingSeed>());
        var migrator = builder.Services.LastOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DatabaseMigrator<WebConsoleDbContext>));
        // Without it (Database:MigrateOnStartup=false) the operator has migrated before starting.
        if (migrator is not null) StartBeforeTheKeyRingIsRead(builder.Services, migrator);
        return builder;
    }

    /// <summary>
    /// Data Protection reads the key ring from its own hosted service at start-up, registered long before this (with
    /// authentication). Hosted services start in order, so <paramref name="first"/> moves ahead of every other one: the
    /// migration first (the table must be there), then the seed of the ring's first key.
    /// </summary>
    private static void StartBeforeTheKeyRingIsRead(IServiceCollection services, ServiceDescriptor first)
    {
        services.Remove(first);
        services.Insert(services.IndexOf(services.First(d => d.ServiceType == typeof(IHostedService))), first);
    }
}
