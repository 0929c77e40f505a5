using Ducha.Contracts.Disclosure.V1;
using Ducha.Reference.Jurisdictions;
using Ducha.WebConsole.Calls;
using Ducha.WebConsole.Sessions;
using Grpc.Core;

namespace Ducha.WebConsole.Disclosure;

/// <summary>
/// A bulletin as its page shows it: the bulletin with every version, where it belongs, whether this office publishes it
/// (the jurisdiction's own) or reads it from above, and where the public reads it once published.
/// </summary>
/// <param name="PublicBase">Where the public site is reached (<c>Disclosure:PublicSite:BaseUrl</c>); null: on this host.</param>
public sealed record BulletinSheet(Bulletin Bulletin, string Place, bool Own, string? PublicBase)
{
    public bool Published => Bulletin.State == BulletinState.Published;

    public string? PublicUrl => Published ? DisclosurePaths.Public(PublicBase, Bulletin.Id) : null;
}

/// <summary>Reads a bulletin with <c>GetBulletin</c>, as the signed-in office.</summary>
public sealed class BulletinSheetQuery(ConsoleDisclosureClient disclosure, JurisdictionTree tree, IConfiguration configuration)
{
    /// <summary>The sheet; null when the service will not show it to this person (a sibling's, or no such bulletin).</summary>
    public async Task<BulletinSheet?> LoadAsync(string id, SignedInPerson person, CancellationToken cancellationToken)
    {
        if (await disclosure.GetBulletinAsync(new GetBulletinRequest { Id = id }, cancellationToken: cancellationToken).OrNullWhenHiddenAsync() is not { } bulletin)
            return null;
        var place = tree.Find(bulletin.JurisdictionCode) is { } found ? SignedInPerson.FullName(tree, found.Code) : bulletin.JurisdictionCode;
        return new BulletinSheet(bulletin, place, person.JurisdictionCode == bulletin.JurisdictionCode && person.Role == BuildingBlocks.Role.Office,
            configuration["Disclosure:PublicSite:BaseUrl"] is { Length: > 0 } configured ? configured : null);
    }
}
