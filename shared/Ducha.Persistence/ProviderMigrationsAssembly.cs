using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ducha.Persistence;

/// <summary>
/// A service has one context type and two migration histories, one per provider, in the namespaces (folders)
/// <c>….Data.Migrations.Sqlite</c> and <c>….Data.Migrations.Postgres</c>. EF Core's own lookup takes every migration
/// and snapshot of the context type in the assembly; this one takes only those of the provider the context runs on, at
/// run time (<c>Migrate</c>) and at design time (<c>dotnet ef migrations add</c> diffs against that provider's
/// snapshot) alike.
/// </summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private readonly Type _contextType = currentContext.Context.GetType();
    private readonly string _folder = DatabaseProviders.Of(currentContext.Context.Database).MigrationsFolder();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotRead;

    public Assembly Assembly => _contextType.Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotRead) return _snapshot;
            var snapshots = OfThisContext<ModelSnapshot>().Where(IsThisProviders).ToList();
            if (snapshots.Count > 1)
                throw new InvalidOperationException($"{_contextType.Name} has {snapshots.Count} {_folder} model snapshots: {string.Join(", ", snapshots.Select(s => s.FullName))}");
            _snapshot = snapshots.Count == 0 ? null : (ModelSnapshot)Activator.CreateInstance(snapshots[0])!;
            _snapshotRead = true;
            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => idGenerator.IsValidId(nameOrId)
            ? string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass)!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var all = OfThisContext<Migration>().ToList();
        // A migration in neither folder would silently never run: say where it should be.
        if (all.FirstOrDefault(t => !IsInAProviderFolder(t)) is { } stray)
            throw new InvalidOperationException(
                $"Migration {stray.FullName} of {_contextType.Name} is in no provider's namespace; it belongs under Data/Migrations/"
                + $"{DatabaseProvider.Sqlite.MigrationsFolder()} or Data/Migrations/{DatabaseProvider.PostgreSql.MigrationsFolder()}.");
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in all.Where(IsThisProviders))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"Migration {type.FullName} has no [Migration] id.");
            migrations.Add(id, type);
        }
        return migrations;
    }

    private IEnumerable<TypeInfo> OfThisContext<TBase>() =>
        Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(TBase))
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType);

    private bool IsThisProviders(TypeInfo type) => NamespaceFolder(type) == _folder;

    private static bool IsInAProviderFolder(TypeInfo type) =>
        NamespaceFolder(type) is var folder
        && (folder == DatabaseProvider.Sqlite.MigrationsFolder() || folder == DatabaseProvider.PostgreSql.MigrationsFolder());

    private static string? NamespaceFolder(TypeInfo type) => type.Namespace?[(type.Namespace.LastIndexOf('.') + 1)..];
}
