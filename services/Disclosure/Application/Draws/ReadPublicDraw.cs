using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Draws;

namespace Ducha.Disclosure.Application.Draws;

/// <summary>A published 双随机 draw for the public site.</summary>
public sealed class ReadPublicDraw(DisclosureDbContext db)
{
    public Task<PublishedDraw?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
}
