namespace Ducha.Cases.Domain;

/// <summary>Who holds or sends a case: an office (jurisdiction only) or a handling unit within a jurisdiction.</summary>
public sealed record CaseParty(string JurisdictionCode, string? Unit = null)
{
    public bool IsOffice => Unit is null;

    public override string ToString() => Unit is null ? JurisdictionCode : $"{JurisdictionCode} {Unit}";
}
