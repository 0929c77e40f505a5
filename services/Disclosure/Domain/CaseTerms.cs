namespace Ducha.Disclosure.Domain;

/// <summary>Where a case stands in 接、转、办、督、核 and 销号, as cases' events tell it; values match ducha.disclosure.v1.CaseStatus.</summary>
public enum CaseStage { Received = 1, Assigned = 2, Returned = 3, Reported = 4, SentBack = 5, Verified = 6, Closed = 7, Reopened = 8 }

/// <summary>Where rectification stands, as cases answers it; values match ducha.disclosure.v1.Rectification.</summary>
public enum Rectification { InHandling = 1, RectifiedNow = 2, Planned = 3, Completed = 4 }

/// <summary>厅级 / 处级 / 科级 / other; values match ducha.disclosure.v1.CadreRank.</summary>
public enum CadreRank { Bureau = 1, Division = 2, Section = 3, Other = 4 }

/// <summary>Values match ducha.disclosure.v1.Sanction.</summary>
public enum Sanction { Admonition = 1, Criticism = 2, Organizational = 3, PartyDiscipline = 4, Government = 5, JudicialReferral = 6, Other = 7 }

public static class CaseTerms
{
    /// <summary>Cases' names for ranks and sanctions (its enums' names, as its events carry them); an unknown one counts as other.</summary>
    public static TEnum ParseOr<TEnum>(string? name, TEnum other) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : other;
}
