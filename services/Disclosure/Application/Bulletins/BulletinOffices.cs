namespace Ducha.Disclosure.Application.Bulletins;

/// <summary>Bulletins are the work of the jurisdiction's own office: above or beside, nobody publishes in its name.</summary>
internal static class BulletinOffices
{
    public static void EnsureOwnOffice(string jurisdictionCode, Actor actor, string operation)
    {
        actor.Require(operation, Role.Office);
        if (actor.JurisdictionCode != jurisdictionCode)
            throw new PermissionDeniedException($"{operation}: only the office of {jurisdictionCode} publishes its bulletins, not {actor.JurisdictionCode}.");
    }
}
