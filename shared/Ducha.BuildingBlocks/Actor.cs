namespace Ducha.BuildingBlocks;

/// <summary>
/// Who acts, in domain terms: a person of some role at a jurisdiction (and, for handling-unit staff, their unit), or a
/// service acting on behalf of one.
/// </summary>
/// <param name="Level">province, city or county.</param>
/// <param name="Unit">The handling unit a handler works for; null for everyone else.</param>
/// <param name="OnBehalfOf">For a <see cref="Role.Service"/> actor: the person whose action it carries out.</param>
/// <param name="OnBehalfOfRole">For a <see cref="Role.Service"/> actor: that person's role, so the callee can hold the call to what the person may do.</param>
public sealed record Actor(string Subject, Role Role, string JurisdictionCode, string Level, string? Unit = null, string? OnBehalfOf = null,
    Role? OnBehalfOfRole = null)
{
    public bool Is(Role role) => Role == role;

    /// <summary>
    /// Whether the actor holds one of <paramref name="roles"/>. A service acting for itself (no person behind it: its own
    /// background work) holds none, not even <see cref="Role.Service"/>: its token may reach a whole province, wider than
    /// any person it could stand in for, so only operations that name it let it in (<see cref="IsServiceActingForItself"/>).
    /// </summary>
    public bool IsAnyOf(params ReadOnlySpan<Role> roles)
    {
        if (Role == Role.Service && OnBehalfOf is null) return false;
        foreach (var role in roles)
            if (Role == role) return true;
        return false;
    }

    /// <summary>Refuses the operation unless the actor has one of the roles it names.</summary>
    public void Require(string operation, params ReadOnlySpan<Role> roles)
    {
        if (!IsAnyOf(roles))
            throw new PermissionDeniedException($"{operation}: a {Role.Name()} may not do this.");
    }

    /// <summary>Whether this is <paramref name="service"/> acting for a person of <paramref name="role"/>.</summary>
    public bool IsServiceActingFor(string service, Role role) => Role == Role.Service && Subject == service && OnBehalfOf is not null && OnBehalfOfRole == role;

    /// <summary>Whether this is <paramref name="service"/> doing its own work, on behalf of no person.</summary>
    public bool IsServiceActingForItself(string service) => Role == Role.Service && Subject == service && OnBehalfOf is null;

    public override string ToString() => Unit is null ? $"{Subject} ({Role.Name()} at {JurisdictionCode})" : $"{Subject} ({Role.Name()} of {Unit} at {JurisdictionCode})";
}
