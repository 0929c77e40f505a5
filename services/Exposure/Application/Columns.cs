using Ducha.Exposure.Data;
using Ducha.Exposure.Domain;

namespace Ducha.Exposure.Application;

internal static class Columns
{
    /// <summary>
    /// The column a request names as its input. An unknown id is bad input naming the field (nothing to act on), not a
    /// missing resource of the route.
    /// </summary>
    public static async Task<Column> RequireAsync(this ExposureDbContext db, string columnId, CancellationToken cancellationToken) =>
        await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == columnId, cancellationToken)
        ?? throw new RequestValidationException("column_id", $"no column has id '{columnId}'");
}
