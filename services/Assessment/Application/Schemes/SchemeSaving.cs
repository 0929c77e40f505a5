using Ducha.Assessment.Data;

namespace Ducha.Assessment.Application.Schemes;

internal static class SchemeSaving
{
    /// <summary>
    /// Saves a change of a scheme; one that lost a race (a revision from the same revision, a second scheme in force for
    /// the year, two later years superseding the same one) is refused whole, to be read again and retried.
    /// </summary>
    public static async Task SaveAsync(AssessmentDbContext db, string schemeId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException("Scheme", schemeId, e);
        }
    }
}
