using Ducha.Secondment.Data;

namespace Ducha.Secondment.Application.Secondments;

internal static class SecondmentSaving
{
    /// <summary>
    /// Saves a term's change with its history link; another request that changed the term, or appended to the level's
    /// chain, first wins and this one is told to read again and retry.
    /// </summary>
    public static async Task SaveAsync(SecondmentDbContext db, string id, CancellationToken cancellationToken)
    {
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException ex) { throw new ConcurrentChangeException("Secondment", id, ex); }
    }
}
