using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ducha.Persistence;

/// <summary>
/// Names the compiled model (<c>eng/compiled-models.sh</c>) a context runs on with SQLite. Building a model from
/// <c>OnModelCreating</c> was about a third of the standalone host's start-up CPU, six stores over; the compiled one is
/// loaded instead. Only on SQLite: a compiled model carries its provider's mapping, and PostgreSQL builds its own as before.
/// </summary>
/// <param name="model">The compiled model's full type name, in the context's assembly: a name, not a type, so the assembly
/// still builds while <c>eng/compiled-models.sh</c> generates the model again (the script builds it without the old one).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CompiledSqliteModelAttribute(string model) : Attribute
{
    public string Model { get; } = model;

    /// <summary>The compiled model <paramref name="context"/> names, if it names one and it is there.</summary>
    public static IModel? For(Type context) =>
        context.GetCustomAttribute<CompiledSqliteModelAttribute>() is { } named
            ? context.Assembly.GetType(named.Model)?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel
            : null;
}
