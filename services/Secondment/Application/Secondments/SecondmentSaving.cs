using Ducha.Secondment.Data;

namespace Ducha.Secondment.Application.Secondments;

internal static class SecondmentSaving
{
    /// <summary>Saves a changed term; another request that changed it first wins and this one is told to read again.</summary>
    public static async Task SaveAsync(SecondmentDbContext db, string id, CancellationToken cancellationToken)
    {
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException ex) { throw new ConcurrentChangeException("Secondment", id, ex); }
    }
}
