using Microsoft.Extensions.DependencyInjection;

namespace Ducha.Persistence;

/// <summary>A store this process migrates at start-up, and how.</summary>
public sealed record MigratingStore(Type Context, Func<IServiceProvider, CancellationToken, Task> MigrateAsync);

/// <summary>
/// The migrations of every store this process holds, run side by side. The standalone host holds six stores; building
/// each one's EF model and checking its migrations one after another was about a third of its start-up, on one core of
/// two. The first store asked for starts them all; each <see cref="DatabaseMigrator{TContext}"/> still waits for its own
/// before the next hosted service starts, so nothing registered after a store runs before that store is ready.
/// </summary>
public sealed class StartupMigrations(IEnumerable<MigratingStore> stores, IServiceProvider services)
{
    private readonly Lock _gate = new();
    private Dictionary<Type, Task>? _running;

    /// <summary>
    /// Waits for <paramref name="context"/>'s migrations, starting every store's at the first call. A store that fails
    /// fails its own migrator (and with it the host's start).
    /// </summary>
    public Task MigrateAsync(Type context, CancellationToken cancellationToken)
    {
        lock (_gate)
            _running ??= stores.ToDictionary(s => s.Context, s => Task.Run(() => s.MigrateAsync(services, cancellationToken), cancellationToken));
        return _running.TryGetValue(context, out var task) ? task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    internal static void Add<TContext>(IServiceCollection registrations) where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        registrations.AddSingleton<StartupMigrations>();
        registrations.AddSingleton(new MigratingStore(typeof(TContext), DatabaseMigrator<TContext>.MigrateAsync));
        registrations.AddHostedService<DatabaseMigrator<TContext>>();
    }
}
