namespace Ducha.Identity;

/// <summary>The claims a Ducha token carries: where the caller sits in the tree and what they do there.</summary>
public static class DuchaClaims
{
    public const string Jurisdiction = "jurisdiction";
    public const string Level = "level";
    /// <summary>One of <see cref="BuildingBlocks.Roles.All"/>.</summary>
    public const string Role = "role";
    /// <summary>The handling unit of a handler token: cases assigned to that unit are theirs to handle. Required for handlers, refused for others.</summary>
    public const string Unit = "unit";
    /// <summary>On a service token (role <c>service</c>): the subject of the person whose action the calling service carries out.</summary>
    public const string OnBehalfOf = "on_behalf_of";
    /// <summary>On a service token: the role of that person (one of <see cref="BuildingBlocks.Roles.All"/>).</summary>
    public const string OnBehalfOfRole = "on_behalf_of_role";
}
