using Ducha.Disclosure.Data;
using Ducha.Disclosure.Domain.Draws;

namespace Ducha.Disclosure.Application.Draws;

/// <summary>A published 双随机 draw for the public site; one whose reveal overtook it is not there until the draw itself arrives.</summary>
public sealed class ReadPublicDraw(DisclosureDbContext db)
{
    public Task<PublishedDraw?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Made, cancellationToken);
}
