namespace Ducha.Secondment.Application;

/// <summary>The register of units per jurisdiction (departments and lower offices), which the cases service keeps.</summary>
public interface IUnitRegister
{
    /// <summary>Whether <paramref name="name"/> is an active unit of <paramref name="jurisdictionCode"/>'s register.</summary>
    Task<bool> HasActiveUnitAsync(string jurisdictionCode, string name, CancellationToken cancellationToken);
}
