using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ducha.Persistence;

/// <summary>
/// A compiled query for each model it meets. EF binds a compiled query to the model it first ran against and refuses
/// any other, while one process may use a context type on two providers, each with its own model (the integration tests
/// run SQLite and PostgreSQL side by side); a service on one provider compiles once.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
