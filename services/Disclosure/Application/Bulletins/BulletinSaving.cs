using Ducha.Disclosure.Data;

namespace Ducha.Disclosure.Application.Bulletins;

internal static class BulletinSaving
{
    /// <summary>Saves a new version; two publications racing for the same version number leave the first and refuse the second whole.</summary>
    public static async Task SaveAsync(DisclosureDbContext db, string bulletinId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsConflict())
        {
            throw new ConcurrentChangeException("Bulletin", bulletinId, e);
        }
    }
}
