using Ducha.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ducha.ArchitectureTests;

/// <summary>
/// What the standalone host's stores rely on: each context's compiled SQLite model (<c>eng/compiled-models.sh</c>) is the
/// model its <c>OnModelCreating</c> builds today, and no model maps a <c>decimal</c>, whose SQL functions the host's SQLite
/// connections leave out (<see cref="SqliteServiceConnection"/>).
/// </summary>
public sealed class StoreModelRules
{
    public static TheoryData<Type> Contexts => new(
        typeof(Ducha.Cases.Data.CasesDbContext), typeof(Ducha.Exposure.Data.ExposureDbContext), typeof(Ducha.Assessment.Data.AssessmentDbContext),
        typeof(Ducha.Secondment.Data.SecondmentDbContext), typeof(Ducha.Disclosure.Data.DisclosureDbContext), typeof(Ducha.WebConsole.Data.WebConsoleDbContext));

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_sqlite_model_is_the_model_the_context_builds(Type context)
    {
        var compiled = CompiledSqliteModelAttribute.For(context);
        Assert.True(compiled is not null, $"{context.Name} names no compiled SQLite model: run eng/compiled-models.sh and mark it [CompiledSqliteModel]");
        using var built = Create(context, null);
        using var loaded = Create(context, compiled);
        var model = built.GetService<IDesignTimeModel>().Model;
        Same(context, Describe(model), Describe(loaded.Model));
        Same(context, Tables(model.GetRelationalModel()), Tables(loaded.Model.GetRelationalModel()));
    }

    private static void Same(Type context, string[] built, string[] compiled)
    {
        var stale = built.Except(compiled).Select(b => "built: " + b).Concat(compiled.Except(built).Select(c => "compiled: " + c)).Take(6).ToList();
        Assert.True(stale.Count == 0, $"{context.Name}'s compiled model is out of date, run eng/compiled-models.sh:\n{string.Join("\n", stale)}");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void On_postgresql_a_context_builds_its_own_model_not_the_compiled_sqlite_one(Type context)
    {
        // EF would pick a compiled model up by itself from its assembly attribute, on any provider; the script removes it.
        using var db = Create(context, null, new DatabaseLocation(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused"));
        Assert.NotEqual(CompiledSqliteModelAttribute.For(context)!.GetType(), db.Model.GetType());
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void No_model_maps_a_decimal(Type context)
    {
        using var db = Create(context, null);
        var decimals = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(decimal) || p.ClrType == typeof(decimal))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}").ToList();
        Assert.True(decimals.Count == 0, $"decimal columns need EF's SQLite functions, which the host leaves out: {string.Join(", ", decimals)}");
    }

    /// <summary>Entity types with their properties, keys and indexes as the runtime sees them, beyond what tables show.</summary>
    private static string[] Describe(IModel model) => model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
        e.GetProperties().Select(p => $"{e.Name}.{p.Name}:{p.ClrType.Name}:{p.IsNullable}:{p.GetValueConverter()?.GetType().Name}:{p.GetMaxLength()}")
            .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index {string.Join(",", i.Properties.Select(p => p.Name))} unique {i.IsUnique}"))
            .Concat(e.GetNavigations().Select(n => $"{e.Name} navigation {n.Name}"))
            .Append($"{e.Name} filter {e.GetDeclaredQueryFilters().Count}")).ToArray();

    /// <summary>The tables as SQLite gets them: columns with their store types, keys, indexes and foreign keys.</summary>
    private static string[] Tables(IRelationalModel model) => model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
        t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null {c.IsNullable}")
            .Concat(t.UniqueConstraints.Select(u => $"{t.Name} unique {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})"))
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique {i.IsUnique} filter {i.Filter}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))).ToArray();

    private static DbContext Create(Type context, IModel? model, DatabaseLocation? location = null)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        options.UseServiceDatabase(location ?? new DatabaseLocation(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        if (model is not null) options.UseModel(model);
        return (DbContext)Activator.CreateInstance(context, options.Options)!;
    }
}
